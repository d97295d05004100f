import { randomUUID } from 'node:crypto';
import type { JourneySampleRequest } from '@v2v/contracts';
import { demoUserPassword } from './demo-credentials';
import { pollUntil } from './poll';
import { settleDonorMaterialImpact } from './donor-material-script';
import type { GatewayClient, HttpResult } from './gateway-client';

function expectStatus<T>(what: string, res: HttpResult<T>, status: number): T {
  if (res.status !== status)
    throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)} (expected ${status})`);
  return res.body;
}

/** A retention sample as QC records it, kept five years (QA-01, QA-03). */
function retentionSample(
  subject: 'donor-material' | 'final-product',
  batchNumber: string,
  now: Date,
): JourneySampleRequest {
  const until = new Date(now);
  until.setUTCFullYear(until.getUTCFullYear() + 5);
  return {
    subject,
    ...(subject === 'final-product' ? { batchNumber } : {}),
    purpose: 'retention',
    quantity: subject === 'final-product' ? 1 : 1.5,
    unit: 'mL',
    container: subject === 'final-product' ? 'cryobag 5 mL' : 'cryovial 2 mL',
    storageLocation: `LN2-03 rack ${subject === 'final-product' ? 'C' : 'B'}`,
    storageCondition: '≤ -150 °C vapour phase LN2',
    retentionUntil: until.toISOString().slice(0, 10),
    takenAt: new Date(now.getTime() - 60_000).toISOString(),
  };
}

/**
 * What QA and QC do before a batch is released (QA-02.2, QA-01, QA-02.5): the qualified person
 * signs the complete batch record reviewed, QC records the retention samples of the donor
 * material and of the final product, and, when the donor material went into production before
 * its tests completed, the late results and QA's impact assessment (`assessDonorMaterial`
 * false leaves them to the caller). Run once the journey is in `qc` with its batch record
 * complete; throws naming the refused request otherwise.
 */
/**
 * Waits (up to a minute) until the traceability ledger holds a custody event of the journey: its
 * consumer may lag the steps on a loaded machine, and QA-02.4 rightly keeps the release open
 * until then. A ledger that never catches up is left for the release's own refusal to name.
 */
async function ledgerCaughtUp(api: GatewayClient, donorCode: string): Promise<void> {
  const trace = `/api/traces/donors/${encodeURIComponent(donorCode)}`;
  await pollUntil(
    `a custody event of ${donorCode} on the ledger`,
    async () => ((await api.as('ops', 'GET', trace)).status === 200 ? true : undefined),
    { timeoutMs: api.waitMs(60_000), intervalMs: 500 },
  ).catch(() => undefined);
}

export async function prepareRelease(
  api: GatewayClient,
  donorCode: string,
  options: { signerPassword?: string; now?: Date; assessDonorMaterial?: boolean } = {},
): Promise<{
  batchNumber: string;
  recordHash: string;
  donorMaterialImpact?: { pending: string[]; assessmentId: string };
}> {
  const journey = `/api/journeys/${encodeURIComponent(donorCode)}`;
  const review = expectStatus(
    `QA's review of the batch record of ${donorCode}`,
    await api.as<{ batchNumber: string; recordHash: string }>(
      'qa-qp',
      'POST',
      `${journey}/batch-record/review`,
      {
        body: {
          comment: 'every step, label and deviation of the batch record checked before release',
          signature: { password: options.signerPassword ?? demoUserPassword() },
        },
        idempotencyKey: randomUUID(),
      },
    ),
    200,
  );
  const now = options.now ?? new Date();
  for (const subject of ['donor-material', 'final-product'] as const)
    expectStatus(
      `QC's retention sample of the ${subject} of ${donorCode}`,
      await api.as('qc', 'POST', `${journey}/samples`, {
        body: retentionSample(subject, review.batchNumber, now),
        idempotencyKey: randomUUID(),
      }),
      201,
    );
  await ledgerCaughtUp(api, donorCode);
  const donorMaterialImpact =
    options.assessDonorMaterial === false
      ? undefined
      : await settleDonorMaterialImpact(api, donorCode, options);
  return { batchNumber: review.batchNumber, recordHash: review.recordHash, donorMaterialImpact };
}
