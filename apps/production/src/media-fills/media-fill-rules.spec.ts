import { DomainError, type MediaFillRequest } from '@v2v/contracts';
import type { MediaFillRun } from './media-fill';
import {
  addCalendarMonths,
  judgeMediaFill,
  mediaFillStanding,
  requireMediaFillCurrent,
  requireMediaFillDesign,
  requireMediaFillUnits,
} from './media-fill-rules';

const at = new Date('2026-12-01T08:00:00Z');
let order = 0;
const run = (performedOn: string, options: Partial<MediaFillRun> = {}): MediaFillRun => ({
  lineCode: 'L1',
  shiftCode: 'DAY',
  performedOn,
  kind: 'periodic',
  result: 'pass',
  recordedAt: new Date(Date.UTC(2026, 0, 1) + order++ * 1000).toISOString(),
  ...options,
});
const initial = (performedOn: string, options: Partial<MediaFillRun> = {}) =>
  run(performedOn, { kind: 'initial', ...options });

const refusal = (fn: () => unknown) => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return { code: (e as DomainError).code, message: (e as DomainError).message };
  }
};
const refusalOf = (runs: MediaFillRun[], shift = 'DAY') =>
  refusal(() => requireMediaFillCurrent('L1', shift, at, runs));

describe('PRD-02 media fill standing of a line and shift', () => {
  it('PRD-02 allows a line with a passed initial run and a pass on the shift within six months', () => {
    const runs = [initial('2026-03-02'), run('2026-09-15')];
    expect(refusalOf(runs)).toBeUndefined();
    expect(mediaFillStanding('L1', 'DAY', at, runs)).toEqual({
      lineCode: 'L1',
      shiftCode: 'DAY',
      at: at.toISOString(),
      current: true,
      reason: null,
      validUntil: '2027-03-14',
      lastPassOn: '2026-09-15',
    });
  });

  it('PRD-02 counts the initial run as the pass of its own shift', () => {
    expect(refusalOf([initial('2026-10-01')])).toBeUndefined();
  });

  it('PRD-02 refuses a line without a passed initial qualification', () => {
    expect(refusalOf([run('2026-11-01')])).toEqual({
      code: 'PRD-02',
      message: 'line L1 has no passed initial media fill qualification (PRD-02)',
    });
    expect(refusalOf([initial('2026-11-01', { result: 'fail' }), run('2026-11-02')])?.code).toBe(
      'PRD-02',
    );
  });

  it('PRD-02 refuses a shift that never had a pass, though the line is qualified on another', () => {
    expect(refusalOf([initial('2026-10-01')], 'NIGHT')).toEqual({
      code: 'PRD-02',
      message: 'line L1 on shift NIGHT has no passed media fill (PRD-02)',
    });
  });

  it('PRD-02 refuses a line whose media fill is 7 months old, naming when the pass stopped counting', () => {
    expect(refusalOf([initial('2026-05-01')])).toEqual({
      code: 'PRD-02',
      message:
        'the last passed media fill of line L1 on shift DAY (2026-05-01) counted until 2026-10-31; a pass per shift every six months is needed (PRD-02)',
    });
  });

  it('PRD-02 counts a pass for six calendar months: current on its last day, refused the day after', () => {
    const runs = [initial('2026-06-01')];
    expect(
      refusal(() => requireMediaFillCurrent('L1', 'DAY', new Date('2026-11-30T23:59:00Z'), runs)),
    ).toBeUndefined();
    expect(refusal(() => requireMediaFillCurrent('L1', 'DAY', at, runs))?.code).toBe('PRD-02');
  });

  it('PRD-02 refuses after the latest run of the shift failed, until a new pass', () => {
    const failed = [initial('2026-08-01'), run('2026-11-20', { result: 'fail' })];
    expect(refusalOf(failed)).toEqual({
      code: 'PRD-02',
      message:
        'the latest media fill of line L1 on shift DAY (2026-11-20) failed; a new pass is needed (PRD-02)',
    });
    expect(refusalOf([...failed, run('2026-11-25')])).toBeUndefined();
  });

  it('PRD-02 ignores runs of other lines and runs performed after the day asked about', () => {
    expect(refusalOf([initial('2026-10-01', { lineCode: 'L2' })])?.code).toBe('PRD-02');
    expect(refusalOf([initial('2026-12-02')])?.code).toBe('PRD-02');
  });
});

describe('PRD-02 a media fill run as recorded', () => {
  const request = (overrides: Partial<MediaFillRequest> = {}): MediaFillRequest => ({
    lineCode: 'L1',
    shiftCode: 'DAY',
    performedOn: '2026-11-20',
    kind: 'periodic',
    approach: 'single',
    productCodes: ['CART-CD19'],
    equipmentClasses: ['isolator'],
    operationsNotSimulated: [],
    unitsFilled: 100,
    unitsContaminated: 0,
    ...overrides,
  });

  it('PRD-02 judges the result from the units: a pass only with units filled and none contaminated', () => {
    expect(judgeMediaFill(100, 0)).toBe('pass');
    expect(judgeMediaFill(100, 1)).toBe('fail');
    expect(judgeMediaFill(0, 0)).toBe('fail');
  });

  it('PRD-02 refuses a bracketing or matrix run without its rationale and worst-case conditions', () => {
    const qualified = [initial('2026-03-01')];
    expect(
      refusal(() =>
        requireMediaFillDesign(request({ approach: 'bracketing-and-matrix' }), qualified),
      ),
    ).toEqual({
      code: 'PRD-02',
      message:
        'a bracketing-and-matrix media fill needs its written rationale and the worst-case conditions it covers; missing rationale, worstCaseConditions (PRD-02)',
    });
    expect(
      refusal(() =>
        requireMediaFillDesign(
          request({
            approach: 'matrix',
            rationale: 'same steps on both products',
            worstCaseConditions: ['longest open manipulation'],
          }),
          qualified,
        ),
      ),
    ).toBeUndefined();
    expect(refusal(() => requireMediaFillDesign(request(), []))).toBeUndefined();
  });

  it('PRD-02 refuses bracketing on a line before its initial qualification passed', () => {
    const bracketing = request({
      approach: 'bracketing',
      rationale: 'largest and smallest fill volumes',
      worstCaseConditions: ['maximum fill volume'],
    });
    expect(refusal(() => requireMediaFillDesign(bracketing, [initial('2026-11-21')]))).toEqual({
      code: 'PRD-02',
      message:
        'line L1 has no passed initial media fill before 2026-11-20; bracketing applies only after it (PRD-02)',
    });
  });

  it('refuses more contaminated units than filled, and a run dated after today', () => {
    expect(
      refusal(() => requireMediaFillUnits(request({ unitsContaminated: 101 }), '2026-12-01'))?.code,
    ).toBe('VALIDATION_FAILED');
    expect(refusal(() => requireMediaFillUnits(request(), '2026-11-19'))?.code).toBe(
      'VALIDATION_FAILED',
    );
    expect(refusal(() => requireMediaFillUnits(request(), '2026-11-20'))).toBeUndefined();
  });

  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addCalendarMonths('2026-01-15', 6)).toBe('2026-07-15');
    expect(addCalendarMonths('2026-09-30', -7)).toBe('2026-02-28');
  });
});
