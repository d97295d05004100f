import { ActivityRefusal, Actor, DomainError, ROLES, storableValue } from '@v2v/contracts';

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.length > 0 ? value : null;

function actorOf(value: unknown): Actor | null {
  const actor = value as Partial<Actor> | null | undefined;
  if (typeof actor?.userId !== 'string' || !(ROLES as readonly unknown[]).includes(actor.role))
    return null;
  return { userId: actor.userId, role: actor.role as Actor['role'] };
}

/**
 * What a refused activity leaves on record: the journey context of its input (a step's
 * `StepActivityInput`; other activities carry less, and what they lack is null) and the
 * refusal's code and message, each as PostgreSQL can hold it (a forged input's NUL characters
 * escaped), so the refusal of such an input is on record rather than failing to be written.
 */
export function activityRefusal(
  activity: string,
  args: unknown[],
  error: DomainError,
): ActivityRefusal {
  const input = (typeof args[0] === 'object' && args[0] !== null ? args[0] : {}) as Record<
    string,
    unknown
  >;
  return storableValue({
    activity,
    donorCode: text(input.donorCode),
    journeyId: text(input.journeyId),
    eventId: text(input.eventId),
    actor: actorOf(input.actor),
    code: error.code,
    message: error.message,
    details: error.details,
  });
}
