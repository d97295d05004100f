import { DomainError } from '@v2v/contracts';
import {
  DonorBatch,
  requireBatchDisposition,
  requireRejectedLatestBatch,
  requireUnusedRetainedPortion,
  RetainedPortion,
} from './remanufacture-rules';

const DONOR = 'I0001-2026-000123-4';

const portion = (over: Partial<RetainedPortion> = {}): RetainedPortion => ({
  retainedId: 'r-1',
  donorCode: DONOR,
  batchNumber: 'B2026-000001',
  volumeMl: 20,
  container: 'cryobag 50 ml',
  storageLocation: 'LN2-2 rack 3',
  setAsideAt: '2026-12-01T08:00:00.000Z',
  ...over,
});

const batch = (over: Partial<DonorBatch> = {}): DonorBatch => ({
  batchNumber: 'B2026-000001',
  status: 'rejected',
  startedAt: '2026-12-01T08:00:00.000Z',
  ...over,
});

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('requireBatchDisposition', () => {
  it.each(['destroy', 'return', 'quarantine'])('MAT-04 accepts the disposition %s', (d) => {
    expect(requireBatchDisposition(d)).toBe(d);
  });

  it('MAT-04 refuses a failed batch rejected without a disposition', () => {
    const error = refusal(() => requireBatchDisposition(undefined));
    expect(error.code).toBe('MAT-04');
    expect(error.message).toMatch(/destroy, return or quarantine, not null \(MAT-04\)$/);
  });

  it('MAT-04 refuses a disposition that is not one of the three', () => {
    const error = refusal(() => requireBatchDisposition('sell'));
    expect(error.code).toBe('MAT-04');
    expect(error.message).toContain('not "sell"');
  });
});

describe('requireRejectedLatestBatch', () => {
  it('returns the latest batch of the donor code when it is rejected', () => {
    const first = batch({ batchNumber: 'B2026-000001', status: 'rejected' });
    const second = batch({
      batchNumber: 'B2026-000007',
      startedAt: '2026-12-09T08:00:00.000Z',
    });
    expect(requireRejectedLatestBatch(DONOR, [second, first])).toBe(second);
  });

  it('refuses NOT_FOUND when the donor code has no batch', () => {
    const error = refusal(() => requireRejectedLatestBatch(DONOR, []));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain(DONOR);
  });

  it('refuses NOT_FOUND when the latest batch is not rejected, naming it and its status', () => {
    const rejected = batch();
    const running = batch({
      batchNumber: 'B2026-000007',
      status: 'in-production',
      startedAt: '2026-12-09T08:00:00.000Z',
    });
    const error = refusal(() => requireRejectedLatestBatch(DONOR, [rejected, running]));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('latest batch B2026-000007 is in-production');
  });
});

describe('requireUnusedRetainedPortion', () => {
  it('NO_RETAINED_MATERIAL takes the oldest unused portion of the donor code', () => {
    const used = portion({ retainedId: 'r-0', usedBy: { eventId: 'ev-0', usedAt: 'x' } });
    const older = portion({ retainedId: 'r-1', setAsideAt: '2026-12-01T08:00:00.000Z' });
    const newer = portion({ retainedId: 'r-2', setAsideAt: '2026-12-09T08:00:00.000Z' });
    expect(requireUnusedRetainedPortion(DONOR, [used, newer, older])).toBe(older);
  });

  it('NO_RETAINED_MATERIAL refuses when nothing was set aside, naming the donor code', () => {
    const error = refusal(() => requireUnusedRetainedPortion(DONOR, []));
    expect(error.code).toBe('NO_RETAINED_MATERIAL');
    expect(error.message).toContain(`no donor material of ${DONOR} was set aside`);
    expect(error.message).toMatch(/\(NO_RETAINED_MATERIAL\)$/);
  });

  it('NO_RETAINED_MATERIAL refuses when every portion is used, naming the decision that used it', () => {
    const used = portion({ usedBy: { eventId: 'ev-remake-1', usedAt: '2026-12-03T08:00:00Z' } });
    const error = refusal(() => requireUnusedRetainedPortion(DONOR, [used]));
    expect(error.code).toBe('NO_RETAINED_MATERIAL');
    expect(error.message).toContain(
      `the retained donor material of ${DONOR} is used up: the portion set aside from batch B2026-000001 was used by the re-manufacture decision ev-remake-1`,
    );
    expect(error.details).toEqual({ donorCode: DONOR, usedBy: ['ev-remake-1'] });
  });
});
