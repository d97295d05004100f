import { DomainError } from '@v2v/contracts';
import { repeatedStepConflict, StepIdentity, stepPayloadHash } from './step-identity';

const signature = (signatureId: string, signedAt: string) => ({
  signatureId,
  signer: { userId: 'qa-qp', role: 'qa-qp' },
  meaning: 'released',
  signedAt,
  seal: 'c2VhbA==',
});

describe('step identity (CSV-04)', () => {
  const payload = { totalCellCount: 5e8 };
  const asked: StepIdentity & { actorUserId: string } = {
    step: 'completeProduction',
    cycle: 0,
    repeat: 0,
    payloadHash: stepPayloadHash(payload),
    actorUserId: 'operator',
  };
  const recorded = { eventId: 'e-1', actorUserId: 'operator', payloadHash: asked.payloadHash };

  it('CSV-04 hashes a payload by its content, not by its key order', () => {
    expect(stepPayloadHash({ a: 1, b: [2, 3] })).toBe(stepPayloadHash({ b: [2, 3], a: 1 }));
    expect(stepPayloadHash({ a: 1 })).not.toBe(stepPayloadHash({ a: 2 }));
  });

  it('CSV-04 leaves the per-attempt signature out of a signed decision’s payload hash', () => {
    const first = { comment: 'ok', signature: signature('s-1', '2026-12-03T09:00:00Z') };
    const retry = { comment: 'ok', signature: signature('s-2', '2026-12-03T09:05:00Z') };
    expect(stepPayloadHash(retry)).toBe(stepPayloadHash(first));
    expect(stepPayloadHash({ ...retry, comment: 'other' })).not.toBe(stepPayloadHash(first));
  });

  it('CSV-04 lets the same request retried under a new event id have the recorded step', () => {
    expect(repeatedStepConflict('B', asked, recorded)).toBeUndefined();
  });

  it('CSV-04 refuses another payload for a recorded step with IDEMPOTENCY_CONFLICT naming it', () => {
    const other = { ...asked, payloadHash: stepPayloadHash({ totalCellCount: 1 }) };
    const conflict = repeatedStepConflict('B', other, recorded);
    expect(conflict).toBeInstanceOf(DomainError);
    expect(conflict).toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
    expect(conflict!.message).toBe(
      'step completeProduction of journey B (cycle 0, repeat 0) is already recorded under event id e-1 with another payload (CSV-04)',
    );
  });

  it('CSV-04 refuses the same payload from another user: the record stays attributed', () => {
    const conflict = repeatedStepConflict('B', { ...asked, actorUserId: 'other' }, recorded);
    expect(conflict?.message).toContain('another user (operator)');
  });
});
