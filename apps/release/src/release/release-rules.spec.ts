import type { ReleaseGate } from '@v2v/contracts';
import { assertBatchReleasable } from './release-rules';

describe('release rules', () => {
  const gate = (status: ReleaseGate['status']): ReleaseGate => ({
    item: 'QA-02.1',
    answeredBy: 'release',
    status,
    detail: status === 'settled' ? 'all within' : 'no result yet for viability',
    openRecords: status === 'settled' ? [] : ['viability'],
    contentHash: 'a'.repeat(64),
  });

  it('QA-02.1 refuses release while the QC gate is open or blocked, naming what is open', () => {
    for (const status of ['open', 'blocked'] as const)
      expect(() => assertBatchReleasable(gate(status))).toThrow(
        expect.objectContaining({
          code: 'QA-02',
          message: expect.stringMatching(/no result yet for viability \(QA-02\.1\)$/),
          details: { item: 'QA-02.1', status, openRecords: ['viability'] },
        }),
      );
  });

  it('QA-02.1 allows release when the QC gate is settled', () => {
    expect(() => assertBatchReleasable(gate('settled'))).not.toThrow();
  });
});
