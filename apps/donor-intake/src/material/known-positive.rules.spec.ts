import { positiveFlag, withPositiveFlag } from './known-positive.rules';

describe('known-positive flag', () => {
  it('DON-05 flags known-positive material with its markers', () => {
    expect(positiveFlag(['HBV', 'HCV'])).toBe('KNOWN POSITIVE: HBV, HCV — keep apart (DON-05)');
    expect(withPositiveFlag(['HBV'], 'collected')).toBe(
      'collected; KNOWN POSITIVE: HBV — keep apart (DON-05)',
    );
  });

  it('DON-05 leaves negative material unflagged', () => {
    expect(positiveFlag([])).toBeUndefined();
    expect(withPositiveFlag([], 'collected')).toBe('collected');
  });
});
