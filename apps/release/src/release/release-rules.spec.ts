import { assertBatchReleasable, assertSamePatient } from './release-rules';

describe('release rules', () => {
  it('QA-02 refuses release without any QC result', () => {
    expect(() => assertBatchReleasable([])).toThrow(expect.objectContaining({ code: 'QA-02' }));
  });

  it('QA-02 refuses release with a result out of specification', () => {
    expect(() =>
      assertBatchReleasable([
        { test: 'sterility', withinSpecification: true },
        { test: 'endotoxin', withinSpecification: false },
      ]),
    ).toThrow(expect.objectContaining({ code: 'QA-02', details: { failing: ['endotoxin'] } }));
  });

  it('QA-02 allows release when every result is within specification', () => {
    expect(() =>
      assertBatchReleasable([{ test: 'sterility', withinSpecification: true }]),
    ).not.toThrow();
  });

  it('refuses an infusion for another patient with IDENTITY_MISMATCH', () => {
    expect(() => assertSamePatient('PAT-1', 'PAT-2')).toThrow(
      expect.objectContaining({ code: 'IDENTITY_MISMATCH' }),
    );
    expect(() => assertSamePatient('PAT-1', 'PAT-1')).not.toThrow();
  });
});
