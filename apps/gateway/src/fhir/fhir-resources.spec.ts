import { donorCodeOfPathSegment, requireDonorCode } from '@v2v/contracts';
import { fhirR4SchemaErrors } from '@v2v/testing';
import { hospitalTasksOf } from './fhir-tasks';
import type { FhirJourney } from './fhir-journey';
import {
  biologicallyDerivedProductOf,
  infusionProcedureOf,
  patientOf,
  serviceRequestOf,
  specimenOf,
} from './fhir-resources';

const CODE = 'A99991500000100M';

const ordered: FhirJourney = {
  donorCode: CODE,
  patientReference: 'PAT-7f3a2c1d',
  institutionId: 'INST-001',
  productCode: 'CART-CD19',
  stage: 'ordered',
  orderedAt: '2026-11-20T08:00:00.000Z',
};
const collection = { collectedAt: '2026-11-28T09:30:00.000Z', volumeMl: 180, bagLot: 'BAG-42' };
const received = {
  ...ordered,
  stage: 'received' as const,
  collection,
  receipt: { receivedAt: '2026-11-29T07:10:00.000Z' },
};
const infused = {
  ...received,
  stage: 'infused' as const,
  batchNumber: 'B-2026-0042',
  infusion: { infusedAt: '2026-12-20T10:00:00.000Z' },
};

describe('FHIR R4 resources of a journey', () => {
  it('TRC-04 builds the order as a valid R4 ServiceRequest, by donor code, for the patient reference', () => {
    const order = serviceRequestOf(ordered);
    expect(fhirR4SchemaErrors(order)).toEqual([]);
    expect(order).toMatchObject({
      resourceType: 'ServiceRequest',
      id: CODE,
      identifier: [{ system: 'urn:v2v:donor-code', value: CODE }],
      status: 'active',
      intent: 'order',
      subject: { reference: 'Patient/PAT-7f3a2c1d' },
      authoredOn: ordered.orderedAt,
      requester: { identifier: { system: 'urn:v2v:institution', value: 'INST-001' } },
      meta: { tag: [{ system: 'urn:v2v:journey-stage', code: 'ordered' }] },
    });
    expect(order).not.toHaveProperty('specimen');
    expect(serviceRequestOf(received).specimen).toEqual([{ reference: `Specimen/${CODE}` }]);
    expect(serviceRequestOf(infused).status).toBe('completed');
    expect(serviceRequestOf({ ...ordered, stage: 'cancelled' }).status).toBe('revoked');
  });

  it('TRC-04 builds the donor material received at the factory as a valid R4 Specimen', () => {
    const specimen = specimenOf(received);
    expect(fhirR4SchemaErrors(specimen)).toEqual([]);
    expect(specimen).toMatchObject({
      resourceType: 'Specimen',
      id: CODE,
      identifier: [{ system: 'urn:v2v:donor-code', value: CODE }],
      status: 'available',
      subject: { reference: 'Patient/PAT-7f3a2c1d' },
      request: [{ reference: `ServiceRequest/${CODE}` }],
      receivedTime: '2026-11-29T07:10:00.000Z',
      collection: {
        collectedDateTime: collection.collectedAt,
        quantity: { value: 180, code: 'mL', system: 'http://unitsofmeasure.org' },
      },
    });
    expect(specimenOf({ ...received, stage: 'material-rejected' }).status).toBe('unsatisfactory');
    expect(specimenOf({ ...received, stage: 'in-production' }).status).toBe('unavailable');
  });

  it('TRC-04 identifies the product by donor code and batch number, valid R4', () => {
    const product = biologicallyDerivedProductOf(infused);
    expect(fhirR4SchemaErrors(product)).toEqual([]);
    expect(product).toMatchObject({
      resourceType: 'BiologicallyDerivedProduct',
      productCategory: 'cells',
      identifier: [
        { system: 'urn:v2v:donor-code', value: CODE },
        { system: 'urn:v2v:batch-number', value: 'B-2026-0042' },
      ],
      status: 'unavailable',
      collection: { source: { reference: 'Patient/PAT-7f3a2c1d' } },
    });
    expect(biologicallyDerivedProductOf({ ...infused, stage: 'shipped' }).status).toBe('available');
  });

  it('TRC-04 builds the infusion as a valid R4 Procedure based on the order', () => {
    const procedure = infusionProcedureOf(infused);
    expect(fhirR4SchemaErrors(procedure)).toEqual([]);
    expect(procedure).toMatchObject({
      resourceType: 'Procedure',
      status: 'completed',
      basedOn: [{ reference: `ServiceRequest/${CODE}` }],
      performedDateTime: '2026-12-20T10:00:00.000Z',
      usedCode: [{ text: expect.stringContaining('B-2026-0042') }],
    });
  });

  it('TRC-04 serves the patient as its pseudonymous reference alone, valid R4', () => {
    const patient = patientOf('PAT-7f3a2c1d');
    expect(fhirR4SchemaErrors(patient)).toEqual([]);
    expect(Object.keys(patient).sort()).toEqual(['id', 'identifier', 'resourceType']);
  });

  it("TRC-04 writes a donor code's check character '*' as '.' in ids and references, valid R4, and keeps the code in its identifier", () => {
    // One code in 37 ends in '*' (ISO 7064 MOD 37-2), which FHIR's id characters leave out.
    const starred = requireDonorCode('H00012600208000*');
    const journey = { ...infused, donorCode: starred };
    const resources = [
      serviceRequestOf(journey),
      specimenOf(journey),
      biologicallyDerivedProductOf(journey),
      infusionProcedureOf(journey),
      ...hospitalTasksOf([{ ...journey, stage: 'shipped' }]),
    ];
    for (const resource of resources) expect(fhirR4SchemaErrors(resource)).toEqual([]);
    expect(resources.map((r) => r.id)).toEqual([
      'H00012600208000.',
      'H00012600208000.',
      'H00012600208000.',
      'H00012600208000.',
      'H00012600208000.-receive-at-site',
    ]);
    expect(serviceRequestOf(journey).identifier).toEqual([
      expect.objectContaining({ value: starred }),
    ]);
    expect(specimenOf(journey).request).toEqual([{ reference: 'ServiceRequest/H00012600208000.' }]);
    // The id read back from a route names the one code.
    expect(requireDonorCode(donorCodeOfPathSegment('H00012600208000.'))).toBe(starred);
  });

  it('TRC-04 the R4 schema refuses what R4 does not define (the check is not vacuous)', () => {
    expect(fhirR4SchemaErrors({ ...specimenOf(received), status: 'consumed' })).not.toEqual([]);
    expect(fhirR4SchemaErrors({ ...serviceRequestOf(ordered), stage: 'ordered' })).not.toEqual([]);
  });
});
