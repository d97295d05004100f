import { DomainError, type Recall, type RecallUnit } from '@v2v/contracts';
import {
  recallNoticeFor,
  requireRecallReaches,
  requireSameRecall,
  requireUnitOpen,
  unitStatusOf,
} from './recall-rules';

const lot = { scope: 'key-material-lot', lotId: 'KML-2026-000042' } as const;
const refusalOf = (act: () => unknown) => {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('not refused');
};

const unit = (over: Partial<RecallUnit> = {}): RecallUnit => ({
  donorCode: '=A999926004711',
  journeyId: 'journey-=A999926004711',
  batchNumbers: ['B-1'],
  status: 'open',
  disposition: null,
  ...over,
});

const recall: Recall = {
  recallId: '7d0c6a52-3f9e-4b8a-9d61-2c4f8e1b5a70',
  scope: 'key-material-lot',
  batchNumber: null,
  lotId: 'KML-2026-000042',
  reason: 'endotoxin above its limit on retest',
  classification: 'II',
  decidedBy: { userId: 'qa-qp', role: 'qa-qp' },
  decidedAt: '2026-12-10T09:00:00.000Z',
  signatureId: 'a1f0c3d2-5b6e-4f70-8a91-b2c3d4e5f607',
  units: [],
};

describe('recall rules', () => {
  it('QA-04 refuses a recall of a lot that no batch consumed: it reaches no journey', () => {
    expect(refusalOf(() => requireRecallReaches(lot, []))).toMatchObject({
      code: 'QA-04',
      message:
        'a recall of key-material-lot KML-2026-000042 reaches no journey: no batch consumed that lot, so there is no product to recall (QA-04)',
    });
    expect(() =>
      requireRecallReaches(lot, [{ donorCode: 'D', journeyId: 'journey-D', batchNumbers: ['B'] }]),
    ).not.toThrow();
  });

  it('QA-04 gives each disposition its end, an infused product its patient follow-up', () => {
    expect(unitStatusOf(null)).toBe('open');
    expect(unitStatusOf('returned')).toBe('returned');
    expect(unitStatusOf('destroyed')).toBe('destroyed');
    expect(unitStatusOf('already-infused')).toBe('patient-follow-up');
  });

  it('QA-04 records a unit’s disposition once', () => {
    expect(() => requireUnitOpen(unit(), recall.recallId)).not.toThrow();
    const ended = unit({
      status: 'destroyed',
      disposition: {
        disposition: 'destroyed',
        note: 'destroyed by incineration at the site',
        recordedBy: { userId: 'ops', role: 'ops' },
        recordedAt: '2026-12-11T10:00:00.000Z',
      },
    });
    const refusal = refusalOf(() => requireUnitOpen(ended, recall.recallId));
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: 'QA-04',
      message: `unit =A999926004711 of recall ${recall.recallId} already ended: destroyed recorded 2026-12-11T10:00:00.000Z by ops; its disposition is recorded once (QA-04)`,
    });
  });

  it('TRC-01 tells each journey the recalled batches it has and what was recalled', () => {
    const reached = { donorCode: 'D', journeyId: 'journey-D', batchNumbers: ['B-1', 'B-2'] };
    expect(recallNoticeFor(recall, lot, reached)).toEqual({
      recallId: recall.recallId,
      classification: 'II',
      scope: 'key-material-lot',
      subject: 'KML-2026-000042',
      batchNumbers: ['B-1', 'B-2'],
      reason: recall.reason,
      decidedAt: recall.decidedAt,
      decidedBy: recall.decidedBy,
    });
  });

  it('answers a repeated event id only with the same recall', () => {
    const same = { ...lot, reason: recall.reason, classification: recall.classification };
    expect(() => requireSameRecall(recall, same)).not.toThrow();
    expect(
      refusalOf(() => requireSameRecall(recall, { ...same, classification: 'I' })),
    ).toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
  });
});
