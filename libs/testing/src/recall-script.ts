import { randomUUID } from 'node:crypto';
import type { Recall } from '@v2v/contracts';
import { runBatchRecord } from './batch-record-script';
import { demoUserPassword } from './demo-credentials';
import type { GatewayClient, HttpResult } from './gateway-client';
import { happyPathSteps, type ScriptedStep, stepsBefore } from './journey-script';

/** A journey of one institution, driven by its own hospital user. */
export interface InstitutionJourney {
  donorCode: string;
  patientReference: string;
  institutionId: string;
  hospitalUser: string;
  steps: ScriptedStep[];
}

/** The demo's two hospitals: INST-001 (`hospital`) and INST-002 (`hospital-inst-002`). */
export const DEMO_HOSPITALS = [
  { institutionId: 'INST-001', hospitalUser: 'hospital' },
  { institutionId: 'INST-002', hospitalUser: 'hospital-inst-002' },
] as const;

function expectOk(what: string, res: HttpResult): void {
  if (res.status >= 300)
    throw new Error(`${what} refused: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Runs a scripted step, the hospital's steps as the journey's own hospital user. */
export function runAt(api: GatewayClient, journey: InstitutionJourney, scripted: ScriptedStep) {
  const user = scripted.role === 'hospital' ? journey.hospitalUser : scripted.role;
  return api.run(journey.donorCode, scripted, undefined, user);
}

/**
 * TRC-01: a fresh lot of recombinant IL-2, received and released by QA, consumed by the batch
 * of one journey per institution (each then through its batch record to QC), so that the lot
 * traces forward to exactly those journeys.
 */
export async function journeysOnOneLot(
  api: GatewayClient,
  hospitals: ReadonlyArray<{ institutionId: string; hospitalUser: string }> = DEMO_HOSPITALS,
): Promise<{ lotId: string; journeys: InstitutionJourney[] }> {
  const lot = await api.as<{ lotId: string }>(
    'operator',
    'POST',
    '/api/key-materials/IL2-RH/lots',
    {
      body: {
        supplier: 'CytoPure Biologics',
        supplierLot: `IL2-RECALL-${randomUUID().slice(0, 6)}`,
        expiresOn: '2027-12-31',
        certificateOfAnalysisChecked: true,
        inspectionResult: 'pass',
      },
      idempotencyKey: randomUUID(),
    },
  );
  expectOk('the lot receipt', lot);
  const { lotId } = lot.body;
  expectOk(
    'the lot release',
    await api.as('qa-qp', 'POST', `/api/key-material-lots/${lotId}/release`, {
      body: { signature: { password: demoUserPassword() } },
    }),
  );
  const journeys: InstitutionJourney[] = [];
  for (const hospital of hospitals) {
    const patientReference = `PAT-${randomUUID().slice(0, 8)}`;
    const order = await api.as<{ donorCode: string }>('scheduler', 'POST', '/api/orders', {
      body: {
        patientReference,
        institutionId: hospital.institutionId,
        productCode: 'CART-CD19',
        requestedCollectionDate: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
      },
    });
    expectOk(`the order at ${hospital.institutionId}`, order);
    const { donorCode } = order.body;
    const steps = happyPathSteps({ donorCode, patientReference, batchRecord: false });
    const journey = { donorCode, patientReference, ...hospital, steps };
    for (const scripted of stepsBefore(steps, 'recordQcResult'))
      expectOk(scripted.step, await runAt(api, journey, scripted));
    expectOk(
      'the consumption of the lot',
      await api.as('operator', 'POST', `/api/journeys/${donorCode}/key-material-consumptions`, {
        body: { lotId, quantity: 2, unit: 'mL' },
        idempotencyKey: randomUUID(),
      }),
    );
    await runBatchRecord(api, donorCode);
    journeys.push(journey);
  }
  return { lotId, journeys };
}

/** QA-04: the qualified person's signed recall of a key-material lot. */
export function recallLot(api: GatewayClient, lotId: string, reason: string) {
  return api.as<Recall>('qa-qp', 'POST', '/api/recalls', {
    body: {
      scope: 'key-material-lot',
      lotId,
      reason,
      classification: 'I',
      signature: { password: demoUserPassword() },
    },
    idempotencyKey: randomUUID(),
  });
}

/**
 * The journey through QC and QA's review; then the qualified person's release is attempted and
 * answered (a recalled product's batch is not released, QA-04).
 */
export async function attemptRelease(api: GatewayClient, journey: InstitutionJourney) {
  const fromQc = journey.steps.slice(journey.steps.findIndex((s) => s.step === 'recordQcResult'));
  for (const scripted of stepsBefore(fromQc, 'releaseBatch'))
    expectOk(scripted.step, await runAt(api, journey, scripted));
  const release = fromQc.find((s) => s.step === 'releaseBatch') as ScriptedStep;
  return runAt(api, journey, release) as Promise<HttpResult<{ code: string; message: string }>>;
}
