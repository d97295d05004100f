import { fhirIdOfDonorCode, formatDonorCode, generateDonorUniqueCode } from '@v2v/contracts';
import { fhirR4SchemaErrors, happyPathSteps, pollUntil, stepsBefore } from '@v2v/testing';
import { api, newOrder } from './support/journeys';

/**
 * TRC-04 on the running stack: the hospital's EHR reads its patients' journeys as FHIR R4
 * through the gateway; the demo user `hospital-inst-002` (INST-002) reads none of INST-001's.
 */
const SECOND_HOSPITAL = 'hospital-inst-002';
/** A valid donor code nobody registered: facility Z9999 issues none. */
const UNKNOWN = formatDonorCode(
  generateDonorUniqueCode({ facility: 'Z9999', year: 0, sequence: 434_343 }),
);
const BY_DONOR_CODE = ['ServiceRequest', 'Specimen', 'BiologicallyDerivedProduct', 'Procedure'];

interface Resource {
  resourceType: string;
  id?: string;
  [field: string]: unknown;
}
interface Bundle extends Resource {
  total: number;
  entry: Array<{ resource: Resource }>;
}

let received: { donorCode: string; patientReference: string };

/** The answer with the asked id replaced, so answers for different ids can be compared. */
async function answer(user: string, path: string, id: string) {
  const res = await api.as<Resource>(user, 'GET', path.replace('{id}', id));
  return { status: res.status, body: JSON.parse(JSON.stringify(res.body).replaceAll(id, '<id>')) };
}

beforeAll(async () => {
  received = await newOrder();
  for (const scripted of stepsBefore(happyPathSteps(received), 'releaseMaterial')) {
    const res = await api.run(received.donorCode, scripted);
    expect({ step: scripted.step, status: res.status, body: res.body }).toMatchObject({
      step: scripted.step,
      status: 200,
    });
  }
});

describe("FHIR R4 for the hospital's EHR (TRC-04)", () => {
  it('TRC-04 a hospital reads the ServiceRequest and Specimen of its journey received at the factory, both valid R4', async () => {
    const { donorCode, patientReference } = received;
    const order = await api.as<Resource>('hospital', 'GET', `/fhir/r4/ServiceRequest/${donorCode}`);
    expect(order.status).toBe(200);
    expect(fhirR4SchemaErrors(order.body)).toEqual([]);
    expect(order.body).toMatchObject({
      resourceType: 'ServiceRequest',
      id: fhirIdOfDonorCode(donorCode),
      identifier: [{ system: 'urn:v2v:donor-code', value: donorCode }],
      status: 'active',
      intent: 'order',
      subject: { reference: `Patient/${patientReference}` },
      requester: { identifier: { value: 'INST-001' } },
      specimen: [{ reference: `Specimen/${fhirIdOfDonorCode(donorCode)}` }],
      meta: { tag: [{ code: 'received' }] },
    });

    const specimen = await api.as<Resource>('hospital', 'GET', `/fhir/r4/Specimen/${donorCode}`);
    expect(specimen.status).toBe(200);
    expect(fhirR4SchemaErrors(specimen.body)).toEqual([]);
    expect(specimen.body).toMatchObject({
      resourceType: 'Specimen',
      identifier: [{ system: 'urn:v2v:donor-code', value: donorCode }],
      status: 'available',
      receivedTime: expect.any(String),
      collection: { collectedDateTime: expect.any(String), quantity: { value: 180, code: 'mL' } },
    });
    // Not made yet: the product before production, the infusion before it happened.
    const product = await api.as<Resource>(
      'hospital',
      'GET',
      `/fhir/r4/BiologicallyDerivedProduct/${donorCode}`,
    );
    expect(product).toMatchObject({ status: 404, body: { resourceType: 'OperationOutcome' } });

    const raw = await fetch(`${api.baseUrl}/fhir/r4/Specimen/${donorCode}`, {
      headers: { authorization: `Bearer ${await api.login('hospital')}` },
    });
    expect(raw.headers.get('content-type')).toMatch(/^application\/fhir\+json/);

    // The ledger links the patient from the donor's registration, which travels through Kafka.
    const search = await pollUntil('the order in the patient search', async () => {
      const res = await api.as<Bundle>(
        'hospital',
        'GET',
        `/fhir/r4/ServiceRequest?patient=Patient/${patientReference}`,
      );
      return res.status === 200 && res.body.total === 1 ? res.body : undefined;
    });
    expect(fhirR4SchemaErrors(search)).toEqual([]);
    expect(search).toMatchObject({
      type: 'searchset',
      entry: [{ resource: { id: fhirIdOfDonorCode(donorCode) } }],
    });
  });

  it("TRC-04 CSV-03 answers a second institution's hospital user the identical 404 OperationOutcome as an unknown id", async () => {
    const { donorCode, patientReference } = received;
    for (const type of BY_DONOR_CODE) {
      const foreign = await answer(SECOND_HOSPITAL, `/fhir/r4/${type}/{id}`, donorCode);
      const unknown = await answer(SECOND_HOSPITAL, `/fhir/r4/${type}/{id}`, UNKNOWN);
      expect({ type, ...foreign }).toEqual({ type, ...unknown });
      expect(foreign).toMatchObject({
        status: 404,
        body: { resourceType: 'OperationOutcome', issue: [{ code: 'not-found' }] },
      });
      expect(fhirR4SchemaErrors(foreign.body)).toEqual([]);
    }
    const patient = await answer(SECOND_HOSPITAL, '/fhir/r4/Patient/{id}', patientReference);
    expect(patient).toEqual(await answer(SECOND_HOSPITAL, '/fhir/r4/Patient/{id}', 'PAT-nobody'));
    expect(patient.status).toBe(404);
    expect((await api.as('hospital', 'GET', `/fhir/r4/Patient/${patientReference}`)).status).toBe(
      200,
    );
    const search = await api.as<Bundle>(
      SECOND_HOSPITAL,
      'GET',
      `/fhir/r4/ServiceRequest?patient=${patientReference}`,
    );
    expect(search).toMatchObject({ status: 200, body: { type: 'searchset', total: 0 } });
  });

  it("TRC-04 lists the hospital's pending step as a requested Task of its institution", async () => {
    const scheduled = await newOrder();
    for (const scripted of stepsBefore(happyPathSteps(scheduled), 'recordCollection'))
      expect((await api.run(scheduled.donorCode, scripted)).status).toBe(200);
    const taskId = `${fhirIdOfDonorCode(scheduled.donorCode)}-record-collection`;
    const tasks = (user: string) =>
      api.as<Bundle>(user, 'GET', '/fhir/r4/Task?owner=INST-001&status=requested');
    // The stage reaches Temporal's visibility store a moment after the step.
    const bundle = await pollUntil(
      'the collection in the Task search',
      async () => {
        const res = await tasks('hospital');
        return res.body.entry?.some((e) => e.resource.id === taskId) ? res.body : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 1000 },
    );
    expect(fhirR4SchemaErrors(bundle)).toEqual([]);
    const task = bundle.entry.find((e) => e.resource.id === taskId)?.resource;
    expect(task).toMatchObject({
      resourceType: 'Task',
      status: 'requested',
      code: { coding: [{ code: 'recordCollection' }] },
      focus: { reference: `ServiceRequest/${fhirIdOfDonorCode(scheduled.donorCode)}` },
      for: { reference: `Patient/${scheduled.patientReference}` },
      owner: { identifier: { value: 'INST-001' } },
    });
    // Received at the factory: nothing for the hospital to do on that journey.
    const ids = bundle.entry.map((e) => e.resource.id ?? '');
    expect(ids.filter((id) => id.startsWith(fhirIdOfDonorCode(received.donorCode)))).toEqual([]);
    const foreign = await tasks(SECOND_HOSPITAL);
    expect(foreign).toMatchObject({ status: 200, body: { type: 'searchset', total: 0 } });
  });
});
