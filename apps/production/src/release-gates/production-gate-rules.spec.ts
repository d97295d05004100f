import type { BatchDeviationStanding, BatchLabel } from '@v2v/contracts';
import type { EmDeviation } from '../environmental-monitoring/em-deviation.repository';
import type { EmExcursion } from '../environmental-monitoring/environmental-monitoring';
import {
  batchIdentityGate,
  contaminationHoldGate,
  productionDeviationsGate,
  reviewGate,
} from './production-gate-rules';

const D = 'W1234 26 000001 A';
const B = 'B-2026-000001';
const HASH = 'a'.repeat(64);

const batchDeviation = (id: string, closed: boolean): BatchDeviationStanding => ({
  deviationId: id,
  batchNumber: B,
  stepId: 'EXPANSION',
  rule: 'PRD-01',
  message: 'MOI 12 outside 1–10',
  raisedAt: '2026-12-01T10:00:00.000Z',
  status: closed ? 'closed' : 'open',
  closure: closed
    ? {
        investigation: 'i',
        rootCause: 'r',
        correctiveAction: 'c',
        signatureId: `sig-${id}`,
        closedBy: { userId: 'qa', role: 'qa-qp' },
        closedAt: '2026-12-02T10:00:00.000Z',
      }
    : null,
});

const emDeviation = (id: string, closed: boolean): EmDeviation => ({
  deviationId: id,
  description: 'settle plate 3 CFU in CP1-R03',
  raisedAt: '2026-12-01T10:00:00.000Z',
  investigation: closed ? 'i' : null,
  rootCause: closed ? 'r' : null,
  correctiveAction: closed ? 'c' : null,
  closedBy: closed ? 'qa' : null,
  closedAt: closed ? '2026-12-02T10:00:00.000Z' : null,
  status: closed ? 'closed' : 'open',
});

const excursion = (conclusion: string | null, donorCode = D): EmExcursion =>
  ({
    excursionId: 'x-1',
    sessionId: 's-1',
    roomCode: 'CP1-R03',
    sessionStartedAt: '2026-12-01T08:00:00.000Z',
    sessionEndedAt: '2026-12-01T12:00:00.000Z',
    kind: 'settle-plate',
    microbial: true,
    organism: null,
    exposedBatches: [
      {
        donorCode,
        productCode: 'CART-CD19',
        bookingIds: [],
        batchNumber: B,
        deviationId: null,
        assessment: conclusion && {
          assessmentId: `a-${conclusion}`,
          conclusion,
          rationale: 'r',
          signatureId: 's',
          assessedBy: { userId: 'qa', role: 'qa-qp' },
          assessedAt: '2026-12-02T10:00:00.000Z',
        },
      },
    ],
  }) as unknown as EmExcursion;

const label = (n: number, content = `${D}|${B}|FILL|${n}`): BatchLabel => ({
  labelId: `${B}-FILL-${n}`,
  stepId: 'FILL',
  container: 'bag',
  content,
});

describe('QA-02.2 the release gate of the batch record review', () => {
  const review = {
    reviewId: 'r-1',
    reviewedBy: { userId: 'qa' },
    reviewedAt: '2026-12-03T09:00:00.000Z',
    valid: true,
    voidReason: null,
  };

  it('QA-02.2 is open without a review, naming the batch', () => {
    expect(reviewGate(B, undefined, HASH)).toEqual({
      item: 'QA-02.2',
      answeredBy: 'production',
      status: 'open',
      detail: `the batch record of ${B} has not been reviewed by QA`,
      openRecords: [B],
      contentHash: HASH,
    });
  });

  it('QA-02.2 is open with a void review, naming why, and settled with a valid one', () => {
    const voided = reviewGate(B, { ...review, valid: false, voidReason: 'a late deviation' }, HASH);
    expect(voided).toMatchObject({ status: 'open', openRecords: ['r-1'] });
    expect(voided.detail).toContain('is void: a late deviation');
    expect(reviewGate(B, review, HASH)).toMatchObject({
      status: 'settled',
      openRecords: [],
      contentHash: HASH,
    });
  });
});

describe('QA-02.3 the release gate of the production deviations', () => {
  it('QA-02.3 is open while a batch-record or EM deviation is open, naming each', () => {
    const gate = productionDeviationsGate(
      [batchDeviation('d-1', false), batchDeviation('d-2', true)],
      [emDeviation('e-1', false)],
    );
    expect(gate).toMatchObject({ status: 'open', openRecords: ['d-1', 'e-1'] });
    expect(gate.detail).toMatch(/^2 of 3 production deviations not closed: PRD-01 on EXPANSION/);
  });

  it('QA-02.3 settles once every deviation is closed, and its hash follows the closures', () => {
    const open = productionDeviationsGate([batchDeviation('d-1', false)], []);
    const closed = productionDeviationsGate([batchDeviation('d-1', true)], []);
    expect(closed).toMatchObject({ status: 'settled', openRecords: [] });
    expect(closed.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(closed.contentHash).not.toBe(open.contentHash);
    expect(productionDeviationsGate([], [])).toMatchObject({
      status: 'settled',
      detail: 'no deviation was raised by the batch record or environmental monitoring',
    });
  });

  it('QA-02.3 hashes the same deviations the same in any order', () => {
    const a = [batchDeviation('d-1', true), batchDeviation('d-2', true)];
    expect(productionDeviationsGate(a, []).contentHash).toBe(
      productionDeviationsGate([...a].reverse(), []).contentHash,
    );
  });
});

describe('PRD-05 the release gate of the EM contamination holds', () => {
  it('PRD-05 is settled without an excursion and with a no-impact assessment', () => {
    expect(contaminationHoldGate(D, B, [])).toMatchObject({ status: 'settled', openRecords: [] });
    expect(contaminationHoldGate(D, B, [excursion('no-impact')])).toMatchObject({
      status: 'settled',
    });
  });

  it('PRD-05 is open while not assessed or under investigation, blocked once the batch is rejected', () => {
    const unassessed = contaminationHoldGate(D, B, [excursion(null)]);
    expect(unassessed).toMatchObject({ status: 'open', openRecords: ['x-1'] });
    expect(unassessed.detail).toContain('organism not identified, impact not assessed');
    expect(contaminationHoldGate(D, B, [excursion('impact-further-investigation')])).toMatchObject({
      status: 'open',
    });
    expect(contaminationHoldGate(D, B, [excursion('impact-batch-rejected')])).toMatchObject({
      status: 'blocked',
    });
    expect(contaminationHoldGate(D, B, [excursion('no-impact')]).contentHash).not.toBe(
      unassessed.contentHash,
    );
  });
});

describe('QA-02.4 the chain of identity of the batch and its labels', () => {
  it('QA-02.4 settles when the batch and every label carry the journey donor code', () => {
    const gate = batchIdentityGate(
      { donorCode: D, batchNumber: B },
      { donorCode: D, batchNumber: B },
      [label(1), label(2)],
    );
    expect(gate).toMatchObject({ status: 'settled', openRecords: [] });
    expect(gate.detail).toBe(`batch ${B} and its 2 labels carry donor code ${D}`);
  });

  it('QA-02.4 blocks a batch of another donor and a label that reads another code', () => {
    const other = 'W1234 26 000002 B';
    const gate = batchIdentityGate(
      { donorCode: D, batchNumber: B },
      { donorCode: other, batchNumber: B },
      [label(1), label(2, `${other}|${B}|FILL|2`)],
    );
    expect(gate).toMatchObject({ status: 'blocked', openRecords: [B, `${B}-FILL-2`] });
    expect(gate.detail).toContain(`batch ${B} carries donor code ${other}`);
    expect(gate.detail).toContain(`label ${B}-FILL-2 reads ${other}|${B}|FILL|2`);
  });

  it('QA-02.4 blocks a batch that is not on record', () => {
    expect(batchIdentityGate({ donorCode: D, batchNumber: B }, undefined, [])).toMatchObject({
      status: 'blocked',
      detail: `the chain of identity of ${D} is broken: no batch ${B} is on record`,
      openRecords: [B],
    });
  });
});
