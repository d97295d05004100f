import { randomInt, randomUUID } from 'node:crypto';
import {
  formatDonorCode,
  generateDonorUniqueCode,
  ManufacturingSlot,
  ReleaseGateStanding,
} from '@v2v/contracts';
import { SERVICE_PORTS } from '@v2v/service-kit';
import {
  acknowledgeInstructionsForUse,
  DEMO_BATCH_FLOOR,
  DEMO_LINE,
  GatewayClient,
  happyPathSteps,
  pollUntil,
  prepareRelease,
  failedBatchAndRemanufactureSteps,
  recordOosInvalidatedByRetest,
  rejectionAndRecollectionSteps,
  runBatchRecord,
  ScriptedStep,
} from '@v2v/testing';
import { bedsideMismatch } from './demo-bedside';
import { recallOfALot } from './demo-recall';

interface OrderCreated {
  donorCode: string;
  eyeReadable: string;
  journeyId: string;
  temporalUiUrl: string;
}
interface TraceEntry {
  seq: number;
  messageType: string;
  occurredAt: string;
  producer: string;
  summary: string;
}

/**
 * `npm run demo`: with the platform running, drives five patient journeys through the public
 * API only — one straight from order to infusion (its donor material released before its
 * sterility result, assessed by QA before the batch release, QA-02.5), one whose first unit
 * is quarantined at receipt, rejected and recollected, one whose first batch fails and is
 * re-manufactured, one whose viability is out of specification, investigated, retested and
 * invalidated — each through its electronic batch record and its release gates — and a fifth
 * whose bedside check scans another patient, refused with its emergency; shows one
 * PRD-04 refusal of the production calendar, then prints their traces, their manufacturing
 * slots and where to see them; last, a recall of a key-material lot reaching two journeys at two
 * hospitals.
 */
async function main(): Promise<void> {
  const api = new GatewayClient(
    process.env.GATEWAY_URL ?? `http://127.0.0.1:${SERVICE_PORTS.gateway}`,
  );
  console.log(
    'journey 1: order to infusion; the donor material goes into production before its 7-day sterility completes, so QA assesses its impact before the batch release (QA-02.5)\n',
  );
  await runJourney(api, (order) =>
    happyPathSteps({ ...order, sterilityPendingAtMaterialRelease: true }),
  );
  console.log('\njourney 2: unit quarantined at receipt, rejected, recollected, then infused\n');
  await runJourney(api, (order) => rejectionAndRecollectionSteps(order));
  console.log(
    '\njourney 3: the first batch fails in production, is rejected (MAT-04) and re-manufactured from the retained portion, then infused\n',
  );
  await runJourney(api, (order) => failedBatchAndRemanufactureSteps(order));
  console.log(
    '\njourney 4: viability out of specification (QA-02.1): investigated, an assignable laboratory cause, retested, invalidated by QA, then released and infused\n',
  );
  await runJourney(api, (order) => happyPathSteps(order), { qc: outOfSpecificationAndRetest });
  console.log(
    '\njourney 5: released and received at the site; the bedside check scans another patient (TRC-03, QA-04, OTH-02)\n',
  );
  await runJourney(api, (order) => happyPathSteps(order), { atBedside: bedsideMismatch });
  console.log(
    '\nrecall: a lot of IL-2 consumed by two journeys at two hospitals (QA-04, TRC-01)\n',
  );
  await recallOfALot(api);
}

/** QC's results with viability out of specification, and what QC and QA do about it. */
async function outOfSpecificationAndRetest(api: GatewayClient, donorCode: string): Promise<void> {
  const investigation = await recordOosInvalidatedByRetest(api, donorCode, {
    testCode: 'viability',
    outOfSpecification: 55,
    retest: 88,
    report: (phase, result) =>
      console.log(`${phase.padEnd(34)} → ${result.status} ${summaryOf(result.body)}`),
  });
  console.log(
    `  OOS investigation ${investigation.investigationId} of ${investigation.testCode}: ${investigation.status}`,
  );
}

function summaryOf(body: unknown): string {
  const b = body as { stage?: string; status?: string };
  return b.stage ?? b.status ?? '';
}

async function runJourney(
  api: GatewayClient,
  script: (order: { donorCode: string; patientReference: string }) => ScriptedStep[],
  options: {
    qc?: (api: GatewayClient, donorCode: string) => Promise<void>;
    /** Takes the infusion's place; the journey ends there. */
    atBedside?: (
      api: GatewayClient,
      order: { donorCode: string; patientReference: string },
    ) => Promise<void>;
  } = {},
): Promise<void> {
  const patientReference = `PAT-${randomUUID().slice(0, 8)}`;
  const order = await api.as<OrderCreated>('scheduler', 'POST', '/api/orders', {
    body: {
      patientReference,
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
      requestedCollectionDate: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
    },
  });
  expectOk('order', order);
  const { donorCode } = order.body;
  console.log(
    `order      → journey ${order.body.journeyId}, donor unique code ${order.body.eyeReadable}`,
  );

  for (const scripted of script({ donorCode, patientReference })) {
    if (scripted.step === 'recordInfusion' && options.atBedside)
      return options.atBedside(api, { donorCode, patientReference });
    if (scripted.step === 'recordQcResult' && options.qc) {
      await options.qc(api, donorCode);
      continue;
    }
    if (scripted.prepareRelease) {
      await releasePreparation(api, donorCode);
      await releaseGates(api, donorCode);
    }
    if (scripted.acknowledgeInstructions) {
      const shipped = await acknowledgeInstructionsForUse(api, donorCode, scripted.role);
      console.log(
        `instructions for use ${shipped.productCode} v${shipped.specificationVersion} acknowledged by ${shipped.acknowledgement?.acknowledgedBy.userId} (OTH-01)`,
      );
    }
    const result = await api.run<{ stage: string; recollections: number }>(donorCode, {
      ...scripted,
      batchRecord: false,
      prepareRelease: false,
      acknowledgeInstructions: false,
    });
    expectOk(scripted.step, result);
    const readings = scripted.telemetry
      ? ` (after ${scripted.telemetry.readings.length} logger readings)`
      : '';
    console.log(
      `${scripted.step.padEnd(28)} by ${scripted.role.padEnd(9)} → ${result.body.stage}${readings}`,
    );
    if (scripted.batchRecord) await batchRecord(api, donorCode);
  }

  const trace = await pollUntil('the infusion in the ledger', async () => {
    const res = await api.as<{ entries: TraceEntry[] }>(
      'ops',
      'GET',
      `/api/traces/donors/${donorCode}`,
    );
    return res.status === 200 &&
      res.body.entries.some((e) => e.messageType === 'product.infused.v1')
      ? res.body
      : undefined;
  });
  console.log(`\nchain of custody of ${donorCode} (traceability ledger):`);
  for (const e of trace.entries) {
    console.log(
      `  ${String(e.seq).padStart(2)}  ${e.occurredAt}  ${e.messageType.padEnd(38)} ${e.summary.slice(0, 160)}`,
    );
  }
  const verify = await api.as<{ valid: boolean; ledgerHeadHash: string }>(
    'ops',
    'POST',
    '/api/ledger/verify',
    {
      body: { donorCode },
    },
  );
  console.log(
    `\nledger verify: ${verify.body.valid ? 'intact' : 'BROKEN'} (head ${verify.body.ledgerHeadHash})`,
  );
  await manufacturingSlots(api, donorCode);
  console.log(`Temporal UI:   ${order.body.temporalUiUrl}`);
  console.log(`               or search: DonorCode="${donorCode}"`);
}

/** Every manufacturing slot the journey booked, rebooked or released, newest first. */
async function manufacturingSlots(api: GatewayClient, donorCode: string): Promise<void> {
  const slots = await api.as<ManufacturingSlot[]>(
    'scheduler',
    'GET',
    `/api/journeys/${donorCode}/manufacturing-slots`,
  );
  expectOk('manufacturing slots', slots);
  console.log('manufacturing slots (newest first):');
  for (const slot of slots.body) {
    const shipment = slot.plannedShipmentOn ? `, shipment ${slot.plannedShipmentOn}` : '';
    const released = slot.releaseReason ? ` — released: ${slot.releaseReason}` : '';
    console.log(
      `  ${slot.status.padEnd(8)} line ${slot.lineCode} ${slot.startsOn} → ${slot.endsOn}${shipment} (${slot.reason})${released}`,
    );
  }
}

/** The batch record, step by step, then production completed by its last step. */
async function batchRecord(api: GatewayClient, donorCode: string): Promise<void> {
  await showPrd04Refusal(api, donorCode);
  const started = new Date();
  const view = await runBatchRecord(api, donorCode, ({ stepId, view, labels }) => {
    const floor = DEMO_BATCH_FLOOR[stepId];
    console.log(
      `  batch ${view.batchNumber} ${stepId.padEnd(24)} ${floor.roomCode}/${floor.equipmentCode}: booked, started, completed, ${labels.length} label(s) printed and scanned, line cleared`,
    );
  });
  await monitoringSession(api, donorCode, started);
  const record = await api.as<{ temporalUiUrl: string }>(
    'ops',
    'GET',
    `/api/journeys/${donorCode}/batch-record`,
  );
  console.log(
    `  batch record complete: ${view.totalCellCount} cells, ${view.deviations.length} deviation(s); production completed by its last step → qc`,
  );
  console.log(`  Temporal UI: ${record.body.temporalUiUrl}`);
}

/** QA signs the batch record reviewed and QC records the retention samples (QA-02.2, QA-01). */
async function releasePreparation(api: GatewayClient, donorCode: string): Promise<void> {
  const { batchNumber, recordHash, donorMaterialImpact } = await prepareRelease(api, donorCode);
  console.log(
    `  batch ${batchNumber}: QA signed the batch record reviewed (hash ${recordHash.slice(0, 12)}…); QC recorded retention samples of the donor material and the final product`,
  );
  if (donorMaterialImpact)
    console.log(
      `  donor material released with ${donorMaterialImpact.pending.join(', ')} pending: QC recorded the late result, QA signed impact assessment ${donorMaterialImpact.assessmentId} (QA-02.5)`,
    );
}

/**
 * The release child's gates (QA-01, QA-02, PRD-05) once they settle: it evaluates them again on
 * each write that can change one, so this waits for that evaluation.
 */
async function releaseGates(api: GatewayClient, donorCode: string): Promise<void> {
  const standing = await pollUntil('the release gates settled', async () => {
    const res = await api.as<ReleaseGateStanding>(
      'qa-qp',
      'GET',
      `/api/journeys/${donorCode}/release-gates`,
    );
    return res.status === 200 && res.body.releasable ? res.body : undefined;
  });
  console.log(`  release gates of batch ${standing.batchNumber}:`);
  for (const gate of standing.gates)
    console.log(
      `    ${gate.item.padEnd(8)} ${gate.status.padEnd(15)} ${gate.detail.slice(0, 130)}`,
    );
  const toFollow = standing.resultsToFollow.map((r) => `${r.testCode} due ${r.dueOn ?? '—'}`);
  if (toFollow.length)
    console.log(`    conditional release: results to follow ${toFollow.join(', ')}`);
}

/**
 * PRD-05: QC's environmental monitoring of the open-processing room for the time the batch
 * was in it, judged by the system against the limits of each zone's grade; none is exceeded,
 * so the batch has no hold.
 */
async function monitoringSession(api: GatewayClient, donorCode: string, from: Date) {
  const results = [
    { kind: 'settle-plate', zoneGrade: 'A', sampleLocation: 'BSC-101 work surface', value: 0 },
    { kind: 'glove-print', zoneGrade: 'A', sampleLocation: 'operator left hand', value: 0 },
    { kind: 'viable-air', zoneGrade: 'B', sampleLocation: 'room centre', value: 3 },
    { kind: 'particles-0.5um', zoneGrade: 'A', sampleLocation: 'BSC-101', value: 800 },
  ];
  const session = await api.as<{ excursions: unknown[] }>(
    'qc',
    'POST',
    '/api/environmental-monitoring/sessions',
    {
      body: {
        roomCode: 'CP1-R01',
        startedAt: from.toISOString(),
        endedAt: new Date().toISOString(),
        occupancyState: 'in-operation',
        results,
      },
      idempotencyKey: randomUUID(),
    },
  );
  expectOk('environmental monitoring session', session);
  const holds = await api.as<{ releasable: boolean }>(
    'qa-qp',
    'GET',
    `/api/journeys/${donorCode}/environmental-monitoring-holds`,
  );
  console.log(
    `  EM session CP1-R01 (in operation): ${results.length} results within the limits of their zone's grade, ${session.body.excursions.length} excursion(s); batch releasable as to PRD-05: ${holds.body.releasable}`,
  );
}

/**
 * PRD-04 (§9(5)1): two batches of one product in one open-system room at once are refused.
 * The journey's activation is booked two days ahead, a second batch is refused the same window,
 * and the first booking is cancelled again so the floor is as it was.
 */
async function showPrd04Refusal(api: GatewayClient, donorCode: string): Promise<void> {
  const step = 'ACTIVATION-TRANSDUCTION';
  const { roomCode, equipmentCode } = DEMO_BATCH_FLOOR[step];
  const startsAt = new Date(Date.now() + 48 * 3_600_000).toISOString();
  const endsAt = new Date(Date.now() + 54 * 3_600_000).toISOString();
  const book = (code: string) =>
    api.as<{ bookingId: string; code: string; message: string }>(
      'production-manager',
      'POST',
      '/api/production-calendar/bookings',
      {
        body: {
          donorCode: code,
          productCode: 'CART-CD19',
          processVersion: 1,
          stepId: step,
          roomCode,
          equipmentCode,
          lineCode: DEMO_LINE,
          positiveMaterial: false,
          startsAt,
          endsAt,
        },
        idempotencyKey: randomUUID(),
      },
    );
  const first = await book(donorCode);
  expectOk('booking the activation', first);
  const other = formatDonorCode(
    generateDonorUniqueCode({ facility: 'A9999', year: 2026, sequence: randomInt(1, 999_999) }),
  );
  const refused = await book(other);
  if (refused.status !== 409 || refused.body.code !== 'PRD-04')
    throw new Error(
      `expected a PRD-04 refusal, got ${refused.status} ${JSON.stringify(refused.body)}`,
    );
  console.log(
    `  PRD-04: a second batch's ${step} in ${roomCode} at the same time → 409 ${refused.body.code}: ${refused.body.message}`,
  );
  const cancelled = await api.as(
    'production-manager',
    'POST',
    `/api/production-calendar/bookings/${first.body.bookingId}/cancel`,
    { body: { reason: 'demo of the PRD-04 refusal; the batch is booked when it runs' } },
  );
  expectOk('cancelling the demo booking', cancelled);
}

function expectOk(what: string, res: { status: number; body: unknown }): void {
  if (res.status >= 300) {
    throw new Error(`${what} failed: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  }
}

main().catch((error) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : error}`);
  console.error('is the platform running? start it with: npm start');
  process.exit(1);
});
