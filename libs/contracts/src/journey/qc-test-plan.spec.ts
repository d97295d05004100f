import { productSpecificationContentSchema } from './product-specification';
import { qcTestPlanSchema } from './qc-test-plan';
import { CART_CD19_V1 } from './reference-specification';

const viability = {
  code: 'viability',
  name: 'Viability',
  method: '7-AAD',
  sample: 'final product',
  criterion: { kind: 'range', unit: '%', min: 70 },
  gating: 'before-release',
};
const messages = (plan: unknown) => {
  const parsed = qcTestPlanSchema.safeParse(plan);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe('the QC test plan of a specification (QA-02.1)', () => {
  it('QA-02.1 accepts the reference plan, and a specification needs one to be published', () => {
    expect(productSpecificationContentSchema.safeParse(CART_CD19_V1).success).toBe(true);
    const { qcTestPlan: _plan, ...withoutPlan } = CART_CD19_V1;
    void _plan;
    expect(productSpecificationContentSchema.safeParse(withoutPlan).success).toBe(false);
  });

  it('QA-02.1 refuses a range without a bound or with min above max', () => {
    expect(messages([{ ...viability, criterion: { kind: 'range', unit: '%' } }])).toEqual([
      'a range criterion has at least one bound (min or max)',
    ]);
    expect(
      messages([{ ...viability, criterion: { kind: 'range', unit: '%', min: 9, max: 1 } }]),
    ).toEqual(['min must not exceed max']);
    expect(messages([{ ...viability, criterion: { kind: 'allowed', values: [] } }])).not.toEqual(
      [],
    );
  });

  it('QA-02.1 refuses duplicate codes, a plan with nothing before release, and an undated follow', () => {
    expect(messages([viability, viability])).toEqual(['test code viability appears twice']);
    expect(messages([{ ...viability, gating: 'informational' }])).toEqual([
      'a test plan has at least one test needed before release (QA-02.1)',
    ]);
    expect(
      messages([viability, { ...viability, code: 'sterility', gating: 'may-follow-release' }]),
    ).toEqual(['a test that may follow the release states resultDueDays']);
    expect(messages([{ ...viability, code: 'Viability' }])).toHaveLength(1);
  });
});
