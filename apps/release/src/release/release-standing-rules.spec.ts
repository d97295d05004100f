import { RELEASE_GATE_ITEMS, ReleaseGateStanding } from '@v2v/contracts';
import {
  coveredHashOf,
  requireReleaseGatesSettled,
  requireReleaseNotVoid,
} from './release-standing-rules';

function standing(over: Partial<ReleaseGateStanding> = {}): ReleaseGateStanding {
  return {
    donorCode: 'D-1',
    batchNumber: 'B1',
    gates: RELEASE_GATE_ITEMS.map((item) => ({
      item,
      answeredBy: 'release',
      status: 'settled',
      detail: `${item} settled`,
      openRecords: [],
      contentHash: `${item}-v1`,
    })),
    releasable: true,
    resultsToFollow: [],
    evaluatedAt: '2026-12-10T09:00:00.000Z',
    ...over,
  };
}

describe('the release as recorded', () => {
  it('QA-02 refuses a release that came without the journey’s gates', () => {
    expect(() => requireReleaseGatesSettled(undefined)).toThrow(
      expect.objectContaining({ code: 'QA-02', message: expect.stringMatching(/none came/) }),
    );
  });

  it('QA-02 refuses a release over an open gate, naming it, whatever `releasable` claims', () => {
    const open = standing();
    open.gates[5] = { ...open.gates[5], status: 'open', detail: 'no retention sample' };
    expect(() => requireReleaseGatesSettled(open)).toThrow(
      'batch B1 cannot be released while its gates are open: QA-01 no retention sample (QA-02)',
    );
  });

  it('QA-02 records a release over settled gates', () => {
    expect(requireReleaseGatesSettled(standing())).toMatchObject({ batchNumber: 'B1' });
  });

  it('CSV-02 covers the gates’ content: a changed gate gives another covered hash', () => {
    const changed = standing();
    changed.gates[0] = { ...changed.gates[0], contentHash: 'QA-02.1-v2' };
    expect(coveredHashOf(standing())).toMatch(/^[0-9a-f]{64}$/);
    expect(coveredHashOf(standing())).toBe(coveredHashOf(standing()));
    expect(coveredHashOf(changed)).not.toBe(coveredHashOf(standing()));
  });

  it('QA-02 refuses the shipment of a voided release, with the voiding’s reason', () => {
    expect(() => requireReleaseNotVoid({ reason: 'QA-02.3 is open now' })).toThrow(
      'the release is void: QA-02.3 is open now; the qualified person must release again before shipment (QA-02)',
    );
    expect(() => requireReleaseNotVoid(undefined)).not.toThrow();
  });
});
