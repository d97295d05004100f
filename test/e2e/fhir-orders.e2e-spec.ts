import { randomUUID } from 'node:crypto';
import { donorCodeOfPathSegment, fhirIdOfDonorCode } from '@v2v/contracts';
import { fhirR4SchemaErrors } from '@v2v/testing';
import { api } from './support/journeys';

/**
 * TRC-04 on the running stack: the hospital's EHR orders a therapy by posting an R4
 * ServiceRequest as application/fhir+json, through the order use case of POST /api/orders.
 */
interface Resource {
  resourceType: string;
  id?: string;
  [field: string]: unknown;
}

const serviceRequest = (patientReference: string, institution = 'INST-001') => ({
  resourceType: 'ServiceRequest',
  status: 'active',
  intent: 'order',
  code: { coding: [{ system: 'urn:v2v:product-code', code: 'CART-CD19' }] },
  subject: {
    reference: `Patient/${patientReference}`,
    identifier: { system: 'urn:v2v:patient-reference', value: patientReference },
  },
  requester: {
    type: 'Organization',
    identifier: { system: 'urn:v2v:institution', value: institution },
  },
  occurrenceDateTime: '2026-12-14',
});

/** A POST as an EHR sends it: FHIR's media type, optionally an Idempotency-Key. */
async function post(user: string, body: unknown, idempotencyKey?: string) {
  const token = await api.login(user);
  const res = await fetch(`${api.baseUrl}/fhir/r4/ServiceRequest`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/fhir+json',
      accept: 'application/fhir+json',
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  return {
    status: res.status,
    location: res.headers.get('location'),
    body: (await res.json()) as Resource,
  };
}

describe('an order from an R4 ServiceRequest (TRC-04)', () => {
  it('TRC-04 a hospital orders from its EHR: 201, the order read back as valid R4, its Location, once per Idempotency-Key', async () => {
    const patientReference = `PAT-${randomUUID().slice(0, 8)}`;
    const key = randomUUID();
    const created = await post('hospital', serviceRequest(patientReference), key);
    expect(created.status).toBe(201);
    expect(fhirR4SchemaErrors(created.body)).toEqual([]);
    // The id writes a check character '*' as '.' (FHIR ids); the identifier has the code.
    const donorCode = donorCodeOfPathSegment(created.body.id as string);
    expect(created.body).toMatchObject({
      resourceType: 'ServiceRequest',
      identifier: [{ system: 'urn:v2v:donor-code', value: donorCode }],
      status: 'active',
      intent: 'order',
      subject: { reference: `Patient/${patientReference}` },
      requester: { identifier: { value: 'INST-001' } },
      meta: { tag: [{ code: 'ordered' }] },
    });
    expect(
      created.location?.endsWith(`/fhir/r4/ServiceRequest/${fhirIdOfDonorCode(donorCode)}`),
    ).toBe(true);

    // The same request again is the same order; the resource reads back as answered.
    const repeat = await post('hospital', serviceRequest(patientReference), key);
    expect({ status: repeat.status, id: repeat.body.id }).toEqual({
      status: 201,
      id: fhirIdOfDonorCode(donorCode),
    });
    const read = await api.as<Resource>('hospital', 'GET', `/fhir/r4/ServiceRequest/${donorCode}`);
    expect(read).toMatchObject({ status: 200, body: created.body });
    const journey = await api.as<{ view: { stage: string } }>(
      'scheduler',
      'GET',
      `/api/journeys/${donorCode}`,
    );
    expect(journey).toMatchObject({ status: 200, body: { view: { stage: 'ordered' } } });
  });

  it('TRC-04 answers an invalid resource 400 as an OperationOutcome naming the field', async () => {
    const draft = { ...serviceRequest(`PAT-${randomUUID().slice(0, 8)}`), status: 'draft' };
    const res = await post('hospital', draft);
    expect(res).toMatchObject({
      status: 400,
      body: {
        resourceType: 'OperationOutcome',
        issue: [
          { severity: 'error', code: 'invalid', diagnostics: expect.stringContaining('status:') },
        ],
      },
    });
    expect(fhirR4SchemaErrors(res.body)).toEqual([]);
  });

  it("TRC-04 CSV-03 refuses a hospital's order for another institution as an unknown one, and a suspended institution as POST /api/orders does (DON-02)", async () => {
    const foreign = await post(
      'hospital',
      serviceRequest(`PAT-${randomUUID().slice(0, 8)}`, 'INST-002'),
    );
    expect(foreign).toMatchObject({
      status: 404,
      body: {
        resourceType: 'OperationOutcome',
        issue: [{ diagnostics: 'no institution INST-002' }],
      },
    });
    const suspended = await post('scheduler', serviceRequest('PAT-suspended', 'INST-009'));
    expect(suspended).toMatchObject({
      status: 409,
      body: {
        resourceType: 'OperationOutcome',
        issue: [{ details: { coding: [{ code: 'DON-02' }] } }],
      },
    });
  });
});
