import { CART_CD19_V1 } from '@v2v/contracts';
import { assertMaterialReleasable, MaterialReleaseFacts } from './material-release.rules';

const spec = { ...CART_CD19_V1, productCode: 'CART-CD19', version: 1 };
const passed = ['DON-04.1', 'DON-04.2', 'DON-04.3', 'DON-04.4', 'DON-04.5', 'DON-04.6'].map(
  (item) => ({ item: item as never, check: '', passed: true }),
);
const facts = (change: Partial<MaterialReleaseFacts> = {}): MaterialReleaseFacts => ({
  specification: spec,
  receipt: { outcome: 'accepted', items: passed },
  collectedAt: '2026-12-01T08:00:00Z',
  releasedAt: '2026-12-02T08:00:00Z',
  openDeviations: [],
  ...change,
});
const refusal = (f: MaterialReleaseFacts) => {
  try {
    assertMaterialReleasable(f);
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a refusal');
};

describe('QA release of donor material', () => {
  it('DON-06 releases material that passed receipt inspection within its shelf life with every deviation closed', () => {
    expect(() => assertMaterialReleasable(facts())).not.toThrow();
  });

  it('DON-06.1 refuses material whose label did not match at receipt', () => {
    const items = passed.map((i) =>
      i.item === 'DON-04.4' ? { ...i, passed: false, reason: 'label volume differs' } : i,
    );
    expect(refusal(facts({ receipt: { outcome: 'quarantined', items } }))).toMatchObject({
      code: 'DON-06',
      message: expect.stringContaining('DON-06.1'),
    });
  });

  it('DON-06.2 refuses material past its shelf life from the end of collection', () => {
    expect(refusal(facts({ releasedAt: '2026-12-05T08:00:01Z' }))).toMatchObject({
      code: 'DON-06',
      message: expect.stringContaining('DON-06.2'),
    });
  });

  it('DON-06.3 refuses material whose packaging was not intact', () => {
    const items = passed.map((i) =>
      i.item === 'DON-04.3' ? { ...i, passed: false, reason: 'damaged' } : i,
    );
    expect(refusal(facts({ receipt: { outcome: 'quarantined', items } }))).toMatchObject({
      message: expect.stringContaining('DON-06.3'),
    });
  });

  it('DON-06.5 refuses material whose own test needed before release failed, naming the test', () => {
    const failure = 'DON-06.5: donor material test viability (Viability) is out of specification';
    expect(refusal(facts({ materialTestFailures: [failure] }))).toMatchObject({
      code: 'DON-06',
      message: expect.stringContaining(failure),
    });
  });

  it('DON-06.4 refuses material with a deviation not yet investigated and closed', () => {
    expect(
      refusal(
        facts({
          openDeviations: [{ deviationId: 'dev-1', description: 'transport exceeded 48 h' }],
        }),
      ),
    ).toMatchObject({ message: expect.stringContaining('dev-1') });
  });

  it('DON-06.1 refuses material without a receipt inspection', () => {
    expect(refusal(facts({ receipt: undefined }))).toMatchObject({
      message: expect.stringContaining('no receipt inspection'),
    });
  });
});
