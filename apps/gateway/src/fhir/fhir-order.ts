import { z } from 'zod';
import { type CreateOrder, createOrderSchema } from '@v2v/contracts';
import { FHIR_SYSTEMS } from './fhir-identifiers';

const { patientReference, institutionId, productCode } = createOrderSchema.shape;

const identifierOf = (system: string, value: z.ZodType<string>) =>
  z.looseObject({ system: z.literal(system), value });

/**
 * TRC-04: what an EHR's R4 ServiceRequest must say to be taken as an order: an active order for
 * the patient by its pseudonymous reference, requested by the institution, coding the product
 * and dated for the collection. Other R4 elements (id, meta, text, note...) are let through and
 * not kept: the order is what `POST /api/orders` records.
 */
export const fhirOrderSchema = z
  .looseObject({
    resourceType: z.literal('ServiceRequest'),
    status: z.literal('active', { error: 'an order is an active ServiceRequest' }),
    intent: z.literal('order', { error: "an order is a ServiceRequest of intent 'order'" }),
    subject: z.looseObject({
      reference: z.string().optional(),
      identifier: identifierOf(FHIR_SYSTEMS.patientReference, patientReference),
    }),
    requester: z.looseObject({ identifier: identifierOf(FHIR_SYSTEMS.institution, institutionId) }),
    code: z.looseObject({
      coding: z
        .array(z.looseObject({ system: z.string().optional(), code: z.string().optional() }))
        .min(1),
    }),
    /** The requested collection date: a date, or a dateTime whose date (as written) counts. */
    occurrenceDateTime: z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
      error: 'the requested collection date, as an R4 date or dateTime with its offset',
    }),
  })
  .superRefine((resource, ctx) => {
    const { reference, identifier } = resource.subject;
    if (reference !== undefined && reference !== `Patient/${identifier.value}`)
      ctx.addIssue({
        code: 'custom',
        path: ['subject', 'reference'],
        message: `names another patient than its identifier: Patient/${identifier.value} expected`,
      });
    const coded = resource.code.coding.filter((c) => c.system === FHIR_SYSTEMS.productCode);
    if (coded.length !== 1 || !productCode.safeParse(coded[0].code).success)
      ctx.addIssue({
        code: 'custom',
        path: ['code', 'coding'],
        message: `one coding of system ${FHIR_SYSTEMS.productCode} names the product code`,
      });
  });

/**
 * TRC-04: the order an R4 ServiceRequest asks for, the body `POST /api/orders` takes. A resource
 * that is not one throws the ZodError that names the field (answered 400 OperationOutcome).
 */
export function orderOfServiceRequest(resource: unknown): CreateOrder {
  const request = fhirOrderSchema.parse(resource);
  const product = request.code.coding.find((c) => c.system === FHIR_SYSTEMS.productCode);
  return createOrderSchema.parse({
    patientReference: request.subject.identifier.value,
    institutionId: request.requester.identifier.value,
    productCode: product?.code,
    requestedCollectionDate: request.occurrenceDateTime.slice(0, 10),
  });
}
