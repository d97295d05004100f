import type { QcTest } from '@v2v/contracts';
import { emergencyOfLateResult, requireNoOpenEmergency } from './emergency-rules';
import type { StandingRelease } from './product-emergency.repository';

const sterility: QcTest = {
  code: 'sterility',
  name: 'Sterility',
  method: 'Ph. Chin. 1101',
  sample: 'final product',
  criterion: { kind: 'allowed', values: ['no growth'] },
  gating: 'may-follow-release',
  resultDueDays: 14,
};
const release: StandingRelease = {
  recordId: '7f1e6c1a-0000-4000-8000-000000000001',
  recordedAt: '2026-11-20T08:00:00.000Z',
  batchNumber: 'B-0001',
  resultsToFollow: ['sterility'],
};

describe('emergencyOfLateResult', () => {
  it('QA-04 raises an emergency for a result to follow a conditional release that is out of specification', () => {
    expect(
      emergencyOfLateResult(sterility, { value: 'growth' }, 'out-of-specification', release),
    ).toEqual({
      testCode: 'sterility',
      description: expect.stringMatching(
        /^sterility result growth of batch B-0001, that was to follow its conditional release, is out of specification.*\(QA-04\)$/,
      ),
    });
  });

  it('QA-04 raises one for a correction after the release of a test needed before it', () => {
    const viability: QcTest = {
      ...sterility,
      code: 'viability',
      criterion: { kind: 'range', min: 70, unit: '%' },
      gating: 'before-release',
    };
    expect(
      emergencyOfLateResult(viability, { value: 60, unit: '%' }, 'out-of-specification', release)
        ?.description,
    ).toContain('viability result 60 % of batch B-0001, recorded after its release');
  });

  it('QA-04 raises none for a late result within specification, an informational test, or no standing release', () => {
    expect(
      emergencyOfLateResult(sterility, { value: 'no growth' }, 'within-specification', release),
    ).toBeUndefined();
    expect(
      emergencyOfLateResult(
        { ...sterility, gating: 'informational' },
        { value: 'growth' },
        'out-of-specification',
        release,
      ),
    ).toBeUndefined();
    expect(
      emergencyOfLateResult(sterility, { value: 'growth' }, 'out-of-specification', undefined),
    ).toBeUndefined();
  });
});

describe('requireNoOpenEmergency', () => {
  const emergency = { deviationId: 'e-1', description: 'sterility result growth …' };

  it('QA-04 refuses the infusion of a product with an open emergency, naming it', () => {
    expect(() => requireNoOpenEmergency('D1', [{ ...emergency, status: 'open' }])).toThrow(
      expect.objectContaining({
        code: 'QA-04',
        message: expect.stringContaining('on hold while an emergency is open: e-1'),
      }),
    );
  });

  it('QA-04 lets the infusion go ahead once every emergency is closed', () => {
    expect(() => requireNoOpenEmergency('D1', [{ ...emergency, status: 'closed' }])).not.toThrow();
    expect(() => requireNoOpenEmergency('D1', [])).not.toThrow();
  });
});
