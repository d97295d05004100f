import { donorMaterialTestsSchema } from './donor-material-tests';
import { productSpecificationContentSchema } from './product-specification';
import { judgeAgainstCriterion } from './qc-test-plan';
import { CART_CD19_V1 } from './reference-specification';

const cellCount = CART_CD19_V1.donorMaterialTests[0];
const messages = (tests: unknown) => {
  const parsed = donorMaterialTestsSchema.safeParse(tests);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe("the donor material's tests of a specification (QA-02.5)", () => {
  it('QA-02.5 accepts the reference tests, and a specification needs them to be published', () => {
    expect(productSpecificationContentSchema.safeParse(CART_CD19_V1).success).toBe(true);
    const { donorMaterialTests: _tests, ...without } = CART_CD19_V1;
    void _tests;
    expect(productSpecificationContentSchema.safeParse(without).success).toBe(false);
    expect(CART_CD19_V1.donorMaterialTests.map((t) => `${t.code} ${t.gating}`)).toEqual([
      'cell-count before-material-release',
      'viability before-material-release',
      'sterility may-follow-material-release',
    ]);
  });

  it('QA-02.5 refuses a duplicate code, an unknown gating and a range without a bound', () => {
    expect(messages([cellCount, cellCount])).toEqual(['test code cell-count appears twice']);
    expect(messages([{ ...cellCount, gating: 'before-release' }])).toHaveLength(1);
    expect(messages([{ ...cellCount, criterion: { kind: 'range', unit: '%' } }])).toEqual([
      'a range criterion has at least one bound (min or max)',
    ]);
    expect(messages([])).toHaveLength(1);
  });

  it('QA-02.5 judges a raw result by the criterion shapes of the QC test plan', () => {
    const sterility = { kind: 'allowed' as const, values: ['no growth'] };
    expect(judgeAgainstCriterion('sterility', sterility, { value: ' No  Growth ' })).toEqual({
      verdict: 'within-specification',
    });
    expect(judgeAgainstCriterion('sterility', sterility, { value: 'growth' })).toEqual({
      verdict: 'out-of-specification',
    });
    expect(
      judgeAgainstCriterion('cell-count', cellCount.criterion, { value: 0.9, unit: 'x10^9' }),
    ).toEqual({ verdict: 'out-of-specification' });
    expect(
      judgeAgainstCriterion('cell-count', cellCount.criterion, { value: 2, unit: '%' }),
    ).toEqual({ unjudgeable: 'test cell-count is judged in x10^9; the result is in %' });
  });
});
