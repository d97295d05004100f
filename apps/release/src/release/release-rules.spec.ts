import type { ReleaseGate } from '@v2v/contracts';
import { assertBatchReleasable, assertSamePatient } from './release-rules';

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

  it('refuses an infusion for another patient with IDENTITY_MISMATCH', () => {
    expect(() => assertSamePatient('PAT-1', 'PAT-2')).toThrow(
      expect.objectContaining({ code: 'IDENTITY_MISMATCH' }),
    );
    expect(() => assertSamePatient('PAT-1', 'PAT-1')).not.toThrow();
  });
});
