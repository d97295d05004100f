import { randomUUID } from 'node:crypto';
import {
  type Actor,
  BATCH_DEVIATION_CLOSURE_RECORD_TYPE,
  BATCH_RECORD_REVIEW_RECORD_TYPE,
  BATCH_RECORD_REVIEWED,
  batchDeviationClosureSignedDetail,
  batchRecordReviewSignedDetail,
  type EmResultEntry,
  type ReleaseGate,
} from '@v2v/contracts';
import {
  sealSignature,
  SignatureRecorder,
  signatureOf,
  signatureSealPrivateKey,
  signatureSealPublicKey,
} from '@v2v/signatures';
import {
  batchRecordTestContext,
  type BatchRecordTestContext,
  startedBatch,
  type StartedBatch,
} from '../batch-record/__tests__/batch-record-test-context';
import { completedBatch } from '../batch-record/__tests__/completed-batch';
import { BatchRecordRepository } from '../batch-record/batch-record.repository';
import { BatchDeviationClosureRepository } from '../batch-record/deviations/batch-deviation-closure.repository';
import { CloseBatchDeviationUseCase } from '../batch-record/deviations/usecases/close-batch-deviation.usecase';
import { BatchRecordReviewRepository } from '../batch-record/review/batch-record-review.repository';
import { BatchRecordReviewStanding } from '../batch-record/review/usecases/batch-record-review-standing.usecase';
import { ReviewableRecords } from '../batch-record/review/usecases/reviewable-records';
import { ReviewBatchRecordUseCase } from '../batch-record/review/usecases/review-batch-record.usecase';
import { EmDeviationRepository } from '../environmental-monitoring/em-deviation.repository';
import { EnvironmentalMonitoringRepository } from '../environmental-monitoring/environmental-monitoring.repository';
import {
  at,
  emTestContext,
  type EmTestContext,
  qc,
} from '../environmental-monitoring/__tests__/em-test-context';
import { PRODUCTION_SCHEMA } from '../production.data-source';
import { ProcessRepository } from '../processes/process.repository';
import { ProductionReleaseGatesUseCase } from './usecases/production-release-gates.usecase';

// Real PostgreSQL: the production schema as migrated and seeded, through the services' role;
// `owner` is the schema owner, for the refusals that hold even for it.
let ctx: BatchRecordTestContext;
let em: EmTestContext;
let gates: ProductionReleaseGatesUseCase;
let review: ReviewBatchRecordUseCase;
let close: CloseBatchDeviationUseCase;
let closures: BatchDeviationClosureRepository;
/** The batch whose deviation was closed, for the append-only check. */
let closedBatch: StartedBatch;
const qa: Actor = { userId: 'it.qa', role: 'qa-qp' };
const COMMENT = 'IT: the record checked before release';
const CLOSURE = {
  investigation: 'MOI recalculated from the vector titre certificate and the cell count',
  rootCause: 'vector lot titre above the value the volume was calculated for',
  correctiveAction: 'titre re-tested at receipt; MOI calculated from the measured titre',
};

beforeAll(async () => {
  ctx = await batchRecordTestContext();
  em = await emTestContext();
  const signatures = new SignatureRecorder(PRODUCTION_SCHEMA, signatureSealPublicKey());
  const reviews = new BatchRecordReviewRepository(ctx.dataSource);
  const batchRecord = new BatchRecordRepository(ctx.dataSource);
  const records = new ReviewableRecords(
    reviews,
    batchRecord,
    new ProcessRepository(ctx.dataSource),
  );
  const standing = new BatchRecordReviewStanding(ctx.dataSource, records, reviews);
  review = new ReviewBatchRecordUseCase(ctx.dataSource, records, reviews, standing, signatures);
  closures = new BatchDeviationClosureRepository(ctx.dataSource);
  close = new CloseBatchDeviationUseCase(ctx.dataSource, closures, signatures);
  gates = new ProductionReleaseGatesUseCase(
    ctx.dataSource,
    reviews,
    batchRecord,
    records,
    standing,
    closures,
    new EmDeviationRepository(ctx.dataSource),
    new EnvironmentalMonitoringRepository(ctx.dataSource),
  );
});
afterAll(async () => {
  await ctx?.dataSource.destroy();
  await ctx?.owner.destroy();
  await em?.destroy();
});

const evaluate = (batch: { donorCode: string; batchNumber: string }) =>
  gates.execute({ ...batch, journeyId: `journey-${batch.donorCode}` });
const gate = (all: ReleaseGate[], item: string) => all.find((g) => g.item === item)!;

function sealedClosure(batch: StartedBatch, deviationId: string, closure = CLOSURE) {
  const content = {
    meaning: 'closed' as const,
    recordType: BATCH_DEVIATION_CLOSURE_RECORD_TYPE,
    recordId: deviationId,
    donorCode: batch.donorCode,
    detail: batchDeviationClosureSignedDetail(batch.donorCode, batch.batchNumber, closure),
  };
  return sealSignature(signatureOf(content, qa), signatureSealPrivateKey());
}

const closureCommand = (batch: StartedBatch, signature: unknown, eventId = randomUUID()) => ({
  donorCode: batch.donorCode,
  ...CLOSURE,
  eventId,
  closedBy: qa,
  signature: signature as ReturnType<typeof sealedClosure>,
});

const closuresOf = (batch: StartedBatch) =>
  ctx.count(
    `SELECT count(*) AS n FROM production.batch_deviation_closure WHERE batch_number = $1`,
    [batch.batchNumber],
  );
const closureSignaturesOf = (deviationId: string) =>
  ctx.count(
    `SELECT count(*) AS n FROM production.electronic_signature WHERE record_type = $1 AND record_id = $2`,
    [BATCH_DEVIATION_CLOSURE_RECORD_TYPE, deviationId],
  );

describe("production's release gates on real PostgreSQL (QA-02.2, QA-02.3, QA-02.4, PRD-05)", () => {
  it('QA-02.2 QA-02.3 are open on a completed batch and settle after the review and the signed closure', async () => {
    const batch = await completedBatch(ctx, 5);
    closedBatch = batch;
    const open = await evaluate(batch);
    expect(open.map((g) => [g.item, g.status])).toEqual([
      ['QA-02.2', 'open'],
      ['QA-02.3', 'open'],
      ['QA-02.4', 'settled'],
      ['PRD-05', 'settled'],
    ]);
    expect(open.every((g) => g.answeredBy === 'production')).toBe(true);
    // The demo record's PRD-01 deviation (MOI 12) is the one open deviation.
    const [deviation] = await closures.standings(batch.batchNumber, batch.donorCode);
    expect(deviation).toMatchObject({ rule: 'PRD-01', status: 'open', closure: null });
    expect(gate(open, 'QA-02.3').openRecords).toEqual([deviation.deviationId]);
    expect(gate(open, 'QA-02.4').detail).toMatch(/and its \d+ labels carry donor code/);

    const { recordHash } = await review.check(batch.batchNumber, batch.donorCode);
    const detail = batchRecordReviewSignedDetail(batch.batchNumber, recordHash, COMMENT);
    const reviewContent = {
      meaning: BATCH_RECORD_REVIEWED,
      recordType: BATCH_RECORD_REVIEW_RECORD_TYPE,
      recordId: batch.batchNumber,
      donorCode: batch.donorCode,
      detail,
    };
    await review.execute(batch.batchNumber, {
      donorCode: batch.donorCode,
      comment: COMMENT,
      eventId: randomUUID(),
      reviewedBy: qa,
      signature: sealSignature(signatureOf(reviewContent, qa), signatureSealPrivateKey()),
    });
    const reviewed = await evaluate(batch);
    expect(gate(reviewed, 'QA-02.2')).toMatchObject({ status: 'settled', contentHash: recordHash });

    const target = { batchNumber: batch.batchNumber, deviationId: deviation.deviationId };
    const closed = await close.execute(
      target,
      closureCommand(batch, sealedClosure(batch, target.deviationId)),
    );
    expect(closed).toMatchObject({
      deviationId: deviation.deviationId,
      status: 'closed',
      closure: { ...CLOSURE, closedBy: qa },
    });
    const settled = await evaluate(batch);
    // A closure is not a change of the record reviewed: the review still holds.
    expect(settled.map((g) => [g.item, g.status])).toEqual([
      ['QA-02.2', 'settled'],
      ['QA-02.3', 'settled'],
      ['QA-02.4', 'settled'],
      ['PRD-05', 'settled'],
    ]);
    expect(gate(settled, 'QA-02.2').contentHash).toBe(recordHash);
    expect(gate(settled, 'QA-02.3').contentHash).not.toBe(gate(open, 'QA-02.3').contentHash);
    expect(
      await ctx.count(
        `SELECT count(*) AS n FROM production.audit_entry WHERE record_type = 'batch-deviation-closure' AND record_id = $1`,
        [deviation.deviationId],
      ),
    ).toBe(1);
    await expect(
      close.execute(target, closureCommand(batch, sealedClosure(batch, target.deviationId))),
    ).rejects.toMatchObject({ code: 'DEVIATION_ALREADY_CLOSED' });
    expect(await closuresOf(batch)).toBe(1);
  });

  it('QA-02.3 CSV-01 answers a closure retried under its event id as the first time, and only that closure', async () => {
    // Two transfers overdue raise two deviations; no step is booked, so no day of the floor.
    const batch = await startedBatch(ctx);
    for (const fromStepId of ['T-CELL-SELECTION', 'FILL'])
      await ctx.transferOverdue.execute({
        ...batch,
        fromStepId,
        departedAt: new Date(Date.now() - 7_200_000).toISOString(),
        dueAt: new Date(Date.now() - 3_600_000).toISOString(),
      });
    const [deviation, otherDeviation] = await closures.standings(
      batch.batchNumber,
      batch.donorCode,
    );
    const target = { batchNumber: batch.batchNumber, deviationId: deviation.deviationId };
    const eventId = randomUUID();
    // The gateway seals a new signature for every attempt; the event id stays the request's.
    const attempt = () =>
      close.execute(
        target,
        closureCommand(batch, sealedClosure(batch, target.deviationId), eventId),
      );
    const closed = await attempt();
    // Its answer lost, the same request again: answered as the first time, nothing written.
    expect(await attempt()).toEqual(closed);
    expect(await closuresOf(batch)).toBe(1);
    expect(await closureSignaturesOf(deviation.deviationId)).toBe(1);
    expect(
      await ctx.count(
        `SELECT count(*) AS n FROM production.audit_entry WHERE record_type = 'batch-deviation-closure' AND record_id = $1`,
        [deviation.deviationId],
      ),
    ).toBe(1);
    await expect(
      close.execute(target, closureCommand(batch, sealedClosure(batch, target.deviationId))),
    ).rejects.toMatchObject({ code: 'DEVIATION_ALREADY_CLOSED' });
    await expect(
      close.execute(
        { ...target, deviationId: otherDeviation.deviationId },
        closureCommand(batch, sealedClosure(batch, otherDeviation.deviationId), eventId),
      ),
    ).rejects.toMatchObject({
      code: 'IDEMPOTENCY_CONFLICT',
      message: `event id ${eventId} was already used to close deviation ${deviation.deviationId}`,
    });
    expect(await closuresOf(batch)).toBe(1);
    expect(await closureSignaturesOf(otherDeviation.deviationId)).toBe(0);
  });

  it('QA-02.3 CSV-02 refuses a closure without a signature or signed over other texts, writing nothing', async () => {
    const batch = await completedBatch(ctx, 4);
    const [deviation] = await closures.standings(batch.batchNumber, batch.donorCode);
    const target = { batchNumber: batch.batchNumber, deviationId: deviation.deviationId };
    await expect(close.execute(target, closureCommand(batch, undefined))).rejects.toMatchObject({
      code: 'CSV-02',
      message: expect.stringContaining('carries no well-formed electronic signature'),
    });
    const otherTexts = sealedClosure(batch, target.deviationId, { ...CLOSURE, rootCause: 'x' });
    await expect(close.execute(target, closureCommand(batch, otherTexts))).rejects.toMatchObject({
      code: 'CSV-02',
    });
    await expect(
      close.execute(
        { ...target, deviationId: randomUUID() },
        closureCommand(batch, sealedClosure(batch, target.deviationId)),
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await closuresOf(batch)).toBe(0);
    expect(await closureSignaturesOf(deviation.deviationId)).toBe(0);
    expect(gate(await evaluate(batch), 'QA-02.3').status).toBe('open');
  });

  it('keeps closures append-only: UPDATE and DELETE refused to the service role, by trigger to the owner', async () => {
    const where = `batch_number = '${closedBatch.batchNumber}'`;
    expect(await closuresOf(closedBatch)).toBe(1);
    for (const db of [ctx.dataSource, ctx.owner]) {
      await expect(
        db.query(`UPDATE production.batch_deviation_closure SET root_cause = 'x' WHERE ${where}`),
      ).rejects.toMatchObject({ code: '42501' });
      await expect(
        db.query(`DELETE FROM production.batch_deviation_closure WHERE ${where}`),
      ).rejects.toMatchObject({ code: '42501' });
    }
  });

  it('PRD-05 is open while a microbial excursion that exposed the batch is not assessed', async () => {
    const roomCode = await em.newRoom('A-in-B');
    const donorCode = em.donorCode();
    await em.book(roomCode, donorCode, at(-5), at(-2));
    const batchNumber = await em.batchInProduction(donorCode);
    const growth: EmResultEntry = {
      kind: 'settle-plate',
      zoneGrade: 'A',
      sampleLocation: 'BSC work surface',
      value: 1,
    };
    const [excursion] = (
      await em.recordSession.execute({
        roomCode,
        startedAt: at(-4),
        endedAt: at(-1),
        occupancyState: 'in-operation',
        results: [growth],
        eventId: randomUUID(),
        recordedBy: qc,
      })
    ).excursions;
    const held = await evaluate({ donorCode, batchNumber });
    expect(gate(held, 'PRD-05')).toMatchObject({
      status: 'open',
      openRecords: [excursion.excursionId],
      detail: expect.stringContaining('organism not identified, impact not assessed'),
    });
    // The excursion's deviation on the journey is open too (QA-02.3).
    expect(gate(held, 'QA-02.3')).toMatchObject({
      status: 'open',
      openRecords: [excursion.exposedBatches[0].deviationId],
    });
  });
});
