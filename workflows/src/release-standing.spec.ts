import { ReleaseGate, ReleaseGateItem, RELEASE_GATE_ITEMS } from '@v2v/contracts';
import {
  assembleReleaseStanding,
  ReleaseGateAnswers,
  releaseGatesRefusal,
  releaseVoidance,
} from './release-standing';

const QUERY = { donorCode: 'D-1', batchNumber: 'B1', journeyId: 'journey-D-1' };
const AT = '2026-12-10T09:00:00.000Z';

function gate(item: ReleaseGateItem, answeredBy: ReleaseGate['answeredBy'], extra = {}) {
  return {
    item,
    answeredBy,
    status: 'settled',
    detail: `${item} settled`,
    openRecords: [],
    contentHash: `${item}-h1`,
    ...extra,
  } as ReleaseGate;
}

function answers(change: Partial<Record<ReleaseGateItem, Partial<ReleaseGate>>> = {}) {
  const g = (item: ReleaseGateItem, by: ReleaseGate['answeredBy']) => gate(item, by, change[item]);
  return {
    donorMaterial: [g('QA-02.5', 'donor-intake')],
    production: [g('PRD-05', 'production'), g('QA-02.2', 'production'), g('QA-02.3', 'production')],
    qualityControl: {
      gates: [g('QA-01', 'release'), g('QA-02.1', 'release')],
      resultsToFollow: [{ testCode: 'RCL', dueOn: '2026-12-20' }],
    },
    traceability: [g('QA-02.4', 'traceability')],
  } satisfies ReleaseGateAnswers;
}

describe('the release standing', () => {
  it('QA-02 gathers every service’s gates in item order, releasable when all settle', () => {
    const standing = assembleReleaseStanding(QUERY, answers(), AT);
    expect(standing.gates.map((g) => g.item)).toEqual([...RELEASE_GATE_ITEMS]);
    expect(standing).toMatchObject({ batchNumber: 'B1', releasable: true, evaluatedAt: AT });
    expect(standing.resultsToFollow).toEqual([{ testCode: 'RCL', dueOn: '2026-12-20' }]);
    expect(releaseGatesRefusal(standing)).toBeUndefined();
  });

  it('QA-02 counts a not-applicable gate as letting the release through', () => {
    const standing = assembleReleaseStanding(
      QUERY,
      answers({ 'QA-02.5': { status: 'not-applicable' } }),
      AT,
    );
    expect(standing.releasable).toBe(true);
  });

  it('QA-02 refuses naming each open or blocked item in item order', () => {
    const standing = assembleReleaseStanding(
      QUERY,
      answers({
        'QA-01': { status: 'open', detail: 'no retention sample of the product' },
        'QA-02.2': { status: 'open', detail: 'the batch record review is not on record' },
        'QA-02.1': { status: 'blocked', detail: 'OOS-4 confirmed' },
      }),
      AT,
    );
    expect(releaseGatesRefusal(standing)).toEqual({
      code: 'QA-02',
      message:
        'batch B1 cannot be released while its gates are open: QA-02.1 blocked: OOS-4 confirmed; QA-02.2 the batch record review is not on record; QA-01 no retention sample of the product (QA-02)',
      details: { gates: standing.gates },
    });
  });

  it('QA-02 holds an item no service answered for open', () => {
    const missing = { ...answers(), traceability: [] };
    const standing = assembleReleaseStanding(QUERY, missing, AT);
    expect(standing.releasable).toBe(false);
    expect(releaseGatesRefusal(standing)?.message).toContain(
      'QA-02.4 no service answered for QA-02.4',
    );
  });
});

describe('the void release', () => {
  const covered = assembleReleaseStanding(QUERY, answers(), AT);

  it('CSV-02 keeps a release whose gates are judged on the same content', () => {
    expect(releaseVoidance(covered, assembleReleaseStanding(QUERY, answers(), AT))).toBeUndefined();
  });

  it('CSV-02 voids a release when a covered gate’s content changed, naming the item', () => {
    const now = assembleReleaseStanding(
      QUERY,
      answers({ 'QA-02.2': { contentHash: 'QA-02.2-h2', detail: 'the review was redone' } }),
      AT,
    );
    expect(releaseVoidance(covered, now)).toEqual({
      reason:
        'the release of batch B1 is void: QA-02.2 changed since the release: the review was redone (CSV-02)',
      changed: ['QA-02.2'],
    });
  });

  it('CSV-02 voids a release when a gate is no longer settled, or no longer answered', () => {
    const reopened = answers({ 'QA-02.3': { status: 'open', detail: 'deviation DEV-7 reopened' } });
    const now = assembleReleaseStanding(QUERY, { ...reopened, traceability: [] }, AT);
    const voidance = releaseVoidance(covered, now);
    expect(voidance?.changed).toEqual(['QA-02.3', 'QA-02.4']);
    expect(voidance?.reason).toBe(
      'the release of batch B1 is void: QA-02.3 is open now: deviation DEV-7 reopened; QA-02.4 is no longer answered (CSV-02)',
    );
  });
});
