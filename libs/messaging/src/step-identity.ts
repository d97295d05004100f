import { DomainError, JourneyStep, StepOccurrence } from '@v2v/contracts';
import { canonicalContent, contentHash } from '@v2v/integrity';

/** A journey step's identity on record: which step, which occurrence, and what was asked. */
export interface StepIdentity extends StepOccurrence {
  step: JourneyStep;
  payloadHash: string;
}

/** The step as it is already on record under its identity. */
export interface RecordedStep {
  eventId: string;
  actorUserId: string;
  payloadHash: string;
}

/**
 * What a step asks for, as a hash of its payload. A signed decision's signature is left out:
 * the gateway seals a new one for every attempt (its own id and time), while the decision it
 * signs, and the signer (compared as the actor), stay the same.
 */
export function stepPayloadHash(payload: unknown): string {
  const asked =
    payload !== null && typeof payload === 'object' && 'signature' in payload
      ? { ...payload, signature: undefined }
      : payload;
  return contentHash(canonicalContent(asked ?? null));
}

/**
 * CSV-04: a step already recorded is not recorded again under a new event id. The same request
 * retried (same user, same payload) gets the recorded step back; anything else asking for the
 * same occurrence is a conflict naming the step, never a second record.
 */
export function repeatedStepConflict(
  donorCode: string,
  asked: StepIdentity & { actorUserId: string },
  recorded: RecordedStep,
): DomainError | undefined {
  const differs = [
    recorded.payloadHash !== asked.payloadHash && 'another payload',
    recorded.actorUserId !== asked.actorUserId && `another user (${recorded.actorUserId})`,
  ].filter(Boolean);
  if (!differs.length) return undefined;
  return new DomainError(
    'IDEMPOTENCY_CONFLICT',
    `step ${asked.step} of journey ${donorCode} (cycle ${asked.cycle}, repeat ${asked.repeat}) is already recorded under event id ${recorded.eventId} with ${differs.join(' and ')} (CSV-04)`,
    { step: asked.step, cycle: asked.cycle, repeat: asked.repeat, eventId: recorded.eventId },
  );
}
