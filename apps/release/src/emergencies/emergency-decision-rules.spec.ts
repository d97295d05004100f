import type { EmergencyDecision, SiteEmergencyKind } from '@v2v/contracts';
import { requireEmergencyDecision, requireNotDisposedOf } from './emergency-rules';

const decision = (disposition: EmergencyDecision['disposition']): EmergencyDecision => ({
  preventiveAction: 'double-bag the product for transport',
  disposition,
  recall: { decision: 'not-needed', rationale: 'a single unit, not yet used' },
});
const siteFound = (kind: SiteEmergencyKind) =>
  ({ deviationId: 'e-1', kind, siteSource: 'receipt' }) as const;

describe('requireEmergencyDecision', () => {
  it('QA-04 refuses to close an emergency found at the site without its decision', () => {
    expect(() => requireEmergencyDecision(siteFound('damaged-bag'), undefined)).toThrow(
      expect.objectContaining({
        code: 'QA-04',
        message: expect.stringContaining('preventive action'),
      }),
    );
  });

  it('QA-04 closes an emergency raised otherwise without a decision, as before', () => {
    const late = { deviationId: 'e-2', kind: 'qc-result-after-release', siteSource: null } as const;
    expect(() => requireEmergencyDecision(late, undefined)).not.toThrow();
  });

  it('QA-04 refuses the use of a product whose label was wrong or lost', () => {
    for (const kind of ['wrong-label', 'lost-label'] as const)
      expect(() => requireEmergencyDecision(siteFound(kind), decision('use'))).toThrow(
        expect.objectContaining({
          code: 'QA-04',
          message: expect.stringContaining('cannot be used'),
        }),
      );
    expect(() =>
      requireEmergencyDecision(siteFound('wrong-label'), decision('return-to-manufacturer')),
    ).not.toThrow();
  });

  it('QA-04 lets QA decide the use of a product whose packaging only was damaged', () => {
    expect(() =>
      requireEmergencyDecision(siteFound('damaged-packaging'), decision('use')),
    ).not.toThrow();
  });
});

describe('requireNotDisposedOf', () => {
  it('QA-04 holds for good a product QA decided to destroy or return, naming the disposition', () => {
    for (const disposition of ['destroy', 'return-to-manufacturer'] as const)
      expect(() => requireNotDisposedOf('D1', [{ deviationId: 'e-1', disposition }])).toThrow(
        expect.objectContaining({
          code: 'QA-04',
          message: expect.stringContaining(`emergency e-1 is ${disposition}`),
        }),
      );
  });

  it('QA-04 lets a product go ahead that QA released for use, or closed without a decision', () => {
    expect(() =>
      requireNotDisposedOf('D1', [
        { deviationId: 'e-1', disposition: 'use' },
        { deviationId: 'e-2', disposition: null },
      ]),
    ).not.toThrow();
  });
});
