import { randomUUID } from 'node:crypto';
import {
  type Actor,
  BATCH_RECORD_REVIEW_RECORD_TYPE,
  BATCH_RECORD_REVIEWED,
  batchRecordReviewSignedDetail,
  CART_CD19_V1,
} from '@v2v/contracts';
import {
  sealSignature,
  SignatureRecorder,
  signatureOf,
  signatureSealPrivateKey,
  signatureSealPublicKey,
} from '@v2v/signatures';
import { PRODUCTION_SCHEMA } from '../production.data-source';
import { ProcessRepository } from '../processes/process.repository';
import {
  at,
  batchRecordTestContext,
  type BatchRecordTestContext,
  dayShiftBase,
  operator,
  startedBatch,
  type StartedBatch,
} from './__tests__/batch-record-test-context';
import { refusalOf } from './__tests__/batch-step-payloads';
import { completedBatch } from './__tests__/completed-batch';
import { BatchRecordRepository } from './batch-record.repository';
import { BatchRecordReviewRepository } from './review/batch-record-review.repository';
import { BatchRecordReviewStanding } from './review/usecases/batch-record-review-standing.usecase';
import { ReviewableRecords } from './review/usecases/reviewable-records';
import { ReviewBatchRecordUseCase } from './review/usecases/review-batch-record.usecase';

// Real PostgreSQL: the production schema as migrated and seeded, through the services' role.
let ctx: BatchRecordTestContext;
let review: ReviewBatchRecordUseCase;
let standing: BatchRecordReviewStanding;
/** The batch run through and reviewed, for the append-only check. */
let reviewed: StartedBatch;
const qa: Actor = { userId: 'it.qa', role: 'qa-qp' };
const COMMENT = 'IT: every step, label and deviation checked';

beforeAll(async () => {
  ctx = await batchRecordTestContext();
  const reviews = new BatchRecordReviewRepository(ctx.dataSource);
  const records = new ReviewableRecords(
    reviews,
    new BatchRecordRepository(ctx.dataSource),
    new ProcessRepository(ctx.dataSource),
  );
  standing = new BatchRecordReviewStanding(ctx.dataSource, records, reviews);
  review = new ReviewBatchRecordUseCase(
    ctx.dataSource,
    records,
    reviews,
    standing,
    new SignatureRecorder(PRODUCTION_SCHEMA, signatureSealPublicKey()),
  );
});
afterAll(async () => {
  await ctx?.dataSource.destroy();
  await ctx?.owner.destroy();
});

/** QA's signature as the gateway seals it (CSV-02) over the hash production named. */
function sealedReview(batch: StartedBatch, recordHash: string, signer: Actor = qa) {
  return sealSignature(
    signatureOf(
      {
        meaning: BATCH_RECORD_REVIEWED,
        recordType: BATCH_RECORD_REVIEW_RECORD_TYPE,
        recordId: batch.batchNumber,
        donorCode: batch.donorCode,
        detail: batchRecordReviewSignedDetail(batch.batchNumber, recordHash, COMMENT),
      },
      signer,
    ),
    signatureSealPrivateKey(),
  );
}

const command = (batch: StartedBatch, signature: unknown) => ({
  donorCode: batch.donorCode,
  comment: COMMENT,
  eventId: randomUUID(),
  reviewedBy: qa,
  signature: signature as ReturnType<typeof sealedReview>,
});

const reviewsOf = (batch: StartedBatch) =>
  ctx.count(`SELECT count(*) AS n FROM production.batch_record_review WHERE batch_number = $1`, [
    batch.batchNumber,
  ]);
const signaturesOf = (batch: StartedBatch) =>
  ctx.count(
    `SELECT count(*) AS n FROM production.electronic_signature WHERE record_type = $1 AND record_id = $2`,
    [BATCH_RECORD_REVIEW_RECORD_TYPE, batch.batchNumber],
  );

describe("QA's signed review of the batch record on real PostgreSQL (QA-02.2, CSV-02)", () => {
  it('QA-02 records the review of a complete record, valid until a deviation is appended', async () => {
    const batch = await completedBatch(ctx, 6);
    reviewed = batch;
    // QA-03: completing production fixes the product's expiry from the pinned specification.
    const [expiry] = await ctx.dataSource.query(
      `SELECT to_char(product_expires_on, 'YYYY-MM-DD') AS d FROM production.batch WHERE batch_number = $1`,
      [batch.batchNumber],
    );
    const shelfLifeMs = CART_CD19_V1.productShelfLifeDays * 86_400_000;
    expect(expiry.d).toBe(new Date(Date.now() + shelfLifeMs).toISOString().slice(0, 10));
    await expect(standing.requireReviewed(batch)).rejects.toMatchObject({
      code: 'QA-02',
      message: expect.stringContaining('has not been reviewed by QA (QA-02.2)'),
    });
    const check = await review.check(batch.batchNumber, batch.donorCode);
    // The demo record's PRD-01 deviation (MOI 12), not closed: the review lists it.
    expect(check.deviations).toEqual([expect.objectContaining({ rule: 'PRD-01' })]);
    const cmd = command(batch, sealedReview(batch, check.recordHash));
    const recorded = await review.execute(batch.batchNumber, cmd);
    expect(recorded).toMatchObject({
      batchNumber: batch.batchNumber,
      donorCode: batch.donorCode,
      recordHash: check.recordHash,
      comment: COMMENT,
      deviations: check.deviations,
      reviewedBy: qa,
      valid: true,
      voidReason: null,
    });
    // A retried call returns the review on record and writes nothing more (CSV-04).
    expect(await review.execute(batch.batchNumber, cmd)).toEqual(recorded);
    expect(await reviewsOf(batch)).toBe(1);
    expect(await signaturesOf(batch)).toBe(1);
    expect(
      await ctx.count(
        `SELECT count(*) AS n FROM production.audit_entry WHERE record_type = 'batch-record-review' AND record_id = $1`,
        [recorded.reviewId],
      ),
    ).toBe(1);
    await expect(standing.requireReviewed(batch)).resolves.toBeUndefined();

    // GEN-01: the fill's transfer overdue, raised after the review, voids it.
    await ctx.transferOverdue.execute({
      journeyId: batch.journeyId,
      donorCode: batch.donorCode,
      batchNumber: batch.batchNumber,
      fromStepId: 'FILL',
      departedAt: at(dayShiftBase(6), 295).toISOString(),
      dueAt: at(dayShiftBase(6), 355).toISOString(),
    });
    const voided = await standing.latest(batch);
    expect(voided).toMatchObject({ reviewId: recorded.reviewId, valid: false });
    expect(voided.voidReason).toMatch(/changed after the review: deviation GEN-01 on FILL raised/);
    await expect(standing.requireReviewed(batch)).rejects.toMatchObject({
      code: 'QA-02',
      message: expect.stringMatching(/is void: .*GEN-01.*\(QA-02\.2\)$/),
    });
    // A signature over the hash QA saw before the deviation no longer signs the record.
    await expect(
      review.execute(batch.batchNumber, command(batch, sealedReview(batch, check.recordHash))),
    ).rejects.toMatchObject({
      code: 'CSV-02',
      message: expect.stringContaining('the signed content is not the content being recorded'),
    });
    expect(await reviewsOf(batch)).toBe(1);
  });

  it('QA-02 refuses to review a batch still in production, naming item QA-02.2, writing nothing', async () => {
    const batch = await startedBatch(ctx);
    const refusal = await refusalOf(review.check(batch.batchNumber, batch.donorCode));
    expect(refusal).toMatchObject({
      code: 'QA-02',
      message: expect.stringMatching(
        /production of batch .* is not completed \(in-production\);.*step FILL \(5 of 5\) is not completed \(QA-02\.2\)$/,
      ),
    });
    // Sent straight to the internal API with a valid signature: refused under the lock.
    const signed = command(batch, sealedReview(batch, '0'.repeat(64)));
    await expect(review.execute(batch.batchNumber, signed)).rejects.toMatchObject({
      code: 'QA-02',
    });
    expect(await reviewsOf(batch)).toBe(0);
    expect(await signaturesOf(batch)).toBe(0);
    await expect(standing.latest(batch)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(review.check(batch.batchNumber, 'another-donor')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('CSV-02 refuses a forged seal and PER-03 a non-QA signer, writing nothing', async () => {
    const batch = reviewed;
    const { recordHash } = await review.check(batch.batchNumber, batch.donorCode);
    const before = { reviews: await reviewsOf(batch), signatures: await signaturesOf(batch) };
    const genuine = sealedReview(batch, recordHash);
    const forged = { ...genuine, signedAt: new Date(0).toISOString() };
    await expect(review.execute(batch.batchNumber, command(batch, forged))).rejects.toMatchObject({
      code: 'CSV-02',
      message: expect.stringContaining('its seal is not the gateway’s'),
    });
    const byOperator = { ...command(batch, sealedReview(batch, recordHash, operator)) };
    byOperator.reviewedBy = operator;
    await expect(review.execute(batch.batchNumber, byOperator)).rejects.toMatchObject({
      code: 'PER-03',
    });
    expect({ reviews: await reviewsOf(batch), signatures: await signaturesOf(batch) }).toEqual(
      before,
    );
  });

  it('keeps reviews append-only: UPDATE and DELETE refused to the service role, by trigger to the owner', async () => {
    const where = `batch_number = '${reviewed.batchNumber}'`;
    expect(await reviewsOf(reviewed)).toBe(1);
    for (const db of [ctx.dataSource, ctx.owner]) {
      await expect(
        db.query(`UPDATE production.batch_record_review SET comment = 'x' WHERE ${where}`),
      ).rejects.toMatchObject({ code: '42501' });
      await expect(
        db.query(`DELETE FROM production.batch_record_review WHERE ${where}`),
      ).rejects.toMatchObject({ code: '42501' });
    }
  });
});
