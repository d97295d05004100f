import { ZodError } from 'zod';
import { fhirR4SchemaErrors } from '@v2v/testing';
import { orderOfServiceRequest } from './fhir-order';

/** An EHR's order, as R4 writes it. */
const serviceRequest = (over: Record<string, unknown> = {}) => ({
  resourceType: 'ServiceRequest',
  status: 'active',
  intent: 'order',
  code: { coding: [{ system: 'urn:v2v:product-code', code: 'CART-CD19' }] },
  subject: {
    reference: 'Patient/PAT-0042',
    identifier: { system: 'urn:v2v:patient-reference', value: 'PAT-0042' },
  },
  requester: {
    type: 'Organization',
    identifier: { system: 'urn:v2v:institution', value: 'INST-001' },
  },
  occurrenceDateTime: '2026-12-14',
  note: [{ text: 'apheresis slot in the morning' }],
  ...over,
});

/** The field paths a refusal names. */
function refusedPaths(resource: unknown): string[] {
  try {
    orderOfServiceRequest(resource);
  } catch (error) {
    if (error instanceof ZodError) return error.issues.map((i) => i.path.join('.'));
    throw error;
  }
  return [];
}

describe('an order from an R4 ServiceRequest (TRC-04)', () => {
  it('TRC-04 maps a valid R4 ServiceRequest to the order POST /api/orders takes', () => {
    expect(fhirR4SchemaErrors(serviceRequest())).toEqual([]);
    expect(orderOfServiceRequest(serviceRequest())).toEqual({
      patientReference: 'PAT-0042',
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
      requestedCollectionDate: '2026-12-14',
    });
  });

  it('TRC-04 takes the date of an occurrenceDateTime as written, whatever its offset', () => {
    const late = serviceRequest({ occurrenceDateTime: '2026-12-14T23:30:00+08:00' });
    expect(orderOfServiceRequest(late).requestedCollectionDate).toBe('2026-12-14');
  });

  it('TRC-04 refuses a resource that is not an active order, naming the field', () => {
    expect(refusedPaths(serviceRequest({ status: 'draft' }))).toEqual(['status']);
    expect(refusedPaths(serviceRequest({ intent: 'proposal' }))).toEqual(['intent']);
    expect(refusedPaths(serviceRequest({ resourceType: 'Patient' }))).toEqual(['resourceType']);
    expect(refusedPaths(serviceRequest({ occurrenceDateTime: undefined }))).toEqual([
      'occurrenceDateTime',
    ]);
    expect(refusedPaths(serviceRequest({ occurrenceDateTime: '2026-12' }))).toEqual([
      'occurrenceDateTime',
    ]);
  });

  it('TRC-04 refuses a patient, requester or product it cannot identify, naming the field', () => {
    const named = { system: 'urn:v2v:patient-reference', value: 'Zhang San, MRN 123' };
    expect(refusedPaths(serviceRequest({ subject: { identifier: named } }))).toEqual([
      'subject.identifier.value',
    ]);
    const other = {
      reference: 'Patient/PAT-0043',
      identifier: { system: 'urn:v2v:patient-reference', value: 'PAT-0042' },
    };
    expect(refusedPaths(serviceRequest({ subject: other }))).toEqual(['subject.reference']);
    expect(refusedPaths(serviceRequest({ requester: { reference: 'Organization/x' } }))).toEqual([
      'requester.identifier',
    ]);
    const snomed = { coding: [{ system: 'http://snomed.info/sct', code: '1156243003' }] };
    expect(refusedPaths(serviceRequest({ code: snomed }))).toEqual(['code.coding']);
  });
});
