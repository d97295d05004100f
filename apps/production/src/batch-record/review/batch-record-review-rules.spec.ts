import { type BatchDeviationNotice, DomainError } from '@v2v/contracts';
import type { BatchStepRow } from '../batch-record';
import {
  batchRecordContent,
  batchRecordHash,
  type ReviewableRecord,
  requireBatchRecordComplete,
  requireValidReview,
  reviewVoidReason,
} from './batch-record-review-rules';

const STEP_IDS = ['SELECTION', 'FILL'];

const row = (stepIndex: number, kind: BatchStepRow['kind']): BatchStepRow => ({
  recordId: `r-${stepIndex}-${kind}`,
  eventId: `e-${stepIndex}-${kind}`,
  batchNumber: 'B-2026-000001',
  donorCode: 'D1',
  journeyId: 'journey-D1',
  stepId: STEP_IDS[stepIndex],
  stepIndex,
  kind,
  bookingId: `b-${stepIndex}`,
  roomCode: 'CP1-R03',
  areaCode: 'CP-1',
  equipmentCode: 'CS-301',
  lineCode: 'L1',
  shiftCode: 'DAY',
  positiveMaterial: false,
  operators: ['operator'],
  startedAt: `2026-12-0${stepIndex + 1}T08:00:00.000Z`,
  endedAt: kind === 'completion' ? `2026-12-0${stepIndex + 1}T09:00:00.000Z` : null,
  summary: `${kind} of ${STEP_IDS[stepIndex]}`,
  payload: kind === 'completion' ? { parameters: [{ parameterId: 'V', value: 85 }], b: 1 } : {},
  totalCellCount: stepIndex === 1 && kind === 'completion' ? 200_000_000 : null,
  recordedBy: { userId: 'operator', role: 'operator' },
  recordedAt: `2026-12-0${stepIndex + 1}T09:00:01.000Z`,
});

const deviation = (id: string, raisedAt: string): BatchDeviationNotice => ({
  deviationId: id,
  stepId: 'FILL',
  rule: 'GEN-01',
  message: `transfer out of FILL overdue (${id})`,
  raisedAt,
});

const complete = (): ReviewableRecord => ({
  batch: {
    batchNumber: 'B-2026-000001',
    donorCode: 'D1',
    journeyId: 'journey-D1',
    productCode: 'CART-CD19',
    processVersion: 1,
    status: 'completed',
    totalCellCount: 200_000_000,
    startedAt: '2026-12-01T07:00:00.000Z',
    completedAt: '2026-12-02T10:00:00.000Z',
  },
  steps: [row(0, 'start'), row(0, 'completion'), row(1, 'start'), row(1, 'completion')],
  labels: [
    { labelId: 'B-2026-000001-FILL-1', stepId: 'FILL', container: 'bag', content: 'x|1' },
    { labelId: 'B-2026-000001-FILL-2', stepId: 'FILL', container: 'bag', content: 'x|2' },
  ],
  deviations: [
    deviation('00000000-0000-4000-8000-000000000001', '2026-12-02T10:00:00.000Z'),
    deviation('00000000-0000-4000-8000-000000000002', '2026-12-02T10:00:00.000Z'),
  ],
});

const refusalOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    const error = e as DomainError;
    return { code: error.code, message: error.message };
  }
  return undefined;
};

describe('QA-02.2 the batch record a review covers', () => {
  it('QA-02 hashes the same record the same however its rows were read', () => {
    const record = complete();
    const shuffled: ReviewableRecord = {
      batch: { ...record.batch },
      steps: [record.steps[3], record.steps[1], record.steps[2], record.steps[0]],
      labels: [...record.labels].reverse(),
      deviations: [...record.deviations].reverse(),
    };
    expect(batchRecordContent(shuffled)).toBe(batchRecordContent(record));
    expect(batchRecordHash(shuffled)).toBe(batchRecordHash(record));
    expect(batchRecordHash(record)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('QA-02 orders steps by index, start before completion, whatever their key order', () => {
    const record = complete();
    const content = batchRecordContent({
      ...record,
      steps: [row(1, 'completion'), row(0, 'completion'), row(1, 'start'), row(0, 'start')],
    });
    const recordIds = (JSON.parse(content) as { steps: BatchStepRow[] }).steps.map(
      (s) => s.recordId,
    );
    expect(recordIds).toEqual(['r-0-start', 'r-0-completion', 'r-1-start', 'r-1-completion']);
  });

  it('QA-02 hashes differently once a deviation, a label or a step row is appended', () => {
    const record = complete();
    const signed = batchRecordHash(record);
    const late = deviation('00000000-0000-4000-8000-000000000003', '2026-12-03T00:00:00.000Z');
    expect(batchRecordHash({ ...record, deviations: [...record.deviations, late] })).not.toBe(
      signed,
    );
    const label = { labelId: 'L-3', stepId: 'FILL', container: 'bag', content: 'x|3' };
    expect(batchRecordHash({ ...record, labels: [...record.labels, label] })).not.toBe(signed);
    expect(batchRecordHash({ ...record, steps: record.steps.slice(0, 3) })).not.toBe(signed);
    expect(batchRecordHash({ ...record, batch: { ...record.batch, totalCellCount: 1 } })).not.toBe(
      signed,
    );
  });
});

describe('QA-02.2 a batch record is reviewed only when complete', () => {
  it('QA-02 allows a record with production completed and every step completed', () => {
    expect(refusalOf(() => requireBatchRecordComplete(complete(), STEP_IDS))).toBeUndefined();
  });

  it('QA-02 refuses a step not completed, naming it and item QA-02.2', () => {
    const record = { ...complete(), steps: complete().steps.slice(0, 3) };
    expect(refusalOf(() => requireBatchRecordComplete(record, STEP_IDS))).toEqual({
      code: 'QA-02',
      message: expect.stringMatching(/step FILL \(2 of 2\) is not completed.*\(QA-02\.2\)$/),
    });
  });

  it('QA-02 refuses while production is not completed', () => {
    const record = complete();
    record.batch = { ...record.batch, status: 'in-production', completedAt: null };
    expect(refusalOf(() => requireBatchRecordComplete(record, STEP_IDS))).toEqual({
      code: 'QA-02',
      message: expect.stringContaining('production of batch B-2026-000001 is not completed'),
    });
  });

  it('QA-02 refuses a rejected batch', () => {
    const record = complete();
    record.batch = { ...record.batch, status: 'rejected' };
    expect(refusalOf(() => requireBatchRecordComplete(record, STEP_IDS))?.message).toContain(
      'batch B-2026-000001 was rejected',
    );
  });

  it('QA-02 refuses a batch without a process definition to check its steps by', () => {
    expect(refusalOf(() => requireBatchRecordComplete(complete(), null))?.message).toContain(
      'has no process definition',
    );
  });
});

describe('QA-02.2 a review holds while the record hashes to what was signed', () => {
  it('QA-02 keeps a review valid while nothing was appended', () => {
    const record = complete();
    const review = { recordHash: batchRecordHash(record), deviations: record.deviations };
    expect(reviewVoidReason(review, record, batchRecordHash(record))).toBeNull();
  });

  it('QA-02 voids a review once a deviation was raised after it, naming the deviation', () => {
    const record = complete();
    const review = { recordHash: batchRecordHash(record), deviations: record.deviations };
    const late = deviation('00000000-0000-4000-8000-000000000009', '2026-12-04T00:00:00.000Z');
    const now = { ...record, deviations: [...record.deviations, late] };
    expect(reviewVoidReason(review, now, batchRecordHash(now))).toBe(
      `the batch record changed after the review: deviation GEN-01 on FILL raised (${late.message})`,
    );
  });

  it('QA-02 voids a review on any other change, naming both hashes', () => {
    const record = complete();
    const review = { recordHash: batchRecordHash(record), deviations: record.deviations };
    const now = { ...record, labels: record.labels.slice(0, 1) };
    expect(reviewVoidReason(review, now, batchRecordHash(now))).toContain(
      `it hashed ${review.recordHash}, now ${batchRecordHash(now)}`,
    );
  });

  it('QA-02 gate refuses without a review and with a void one, allows a valid one', () => {
    expect(refusalOf(() => requireValidReview('B-1', undefined))).toEqual({
      code: 'QA-02',
      message: 'the batch record of B-1 has not been reviewed by QA (QA-02.2)',
    });
    expect(
      refusalOf(() => requireValidReview('B-1', { valid: false, voidReason: 'late deviation' })),
    ).toEqual({
      code: 'QA-02',
      message: "QA's review of the batch record of B-1 is void: late deviation (QA-02.2)",
    });
    expect(
      refusalOf(() => requireValidReview('B-1', { valid: true, voidReason: null })),
    ).toBeUndefined();
  });
});
