import type { AuthenticatedUser } from '../auth/authenticated-user';

/**
 * The one answer for a donor code the user may not see, on every route: the same status,
 * code and sentence as for a code nobody registered (CSV-03).
 */
export function noJourneyMessage(donorCode: string): string {
  return `no journey for donor code ${donorCode}`;
}

/**
 * CSV-03, decided from the donor register: why a donor code's routes are refused to `user`,
 * or undefined when they are open. `registeredTo` is the institution the register holds the
 * code for (undefined: not registered). Every role is refused an unregistered code, so that
 * a hospital's refusal of another institution's code cannot be told apart from it.
 */
export function journeyAccessRefusal(
  user: Pick<AuthenticatedUser, 'role' | 'institutionId'>,
  registeredTo: string | undefined,
): string | undefined {
  if (registeredTo === undefined) return 'the donor code is not on the donor register';
  if (user.role !== 'hospital' || registeredTo === user.institutionId) return undefined;
  return `the donor code is registered to ${registeredTo}, the user belongs to ${user.institutionId ?? 'no institution'}`;
}

/** CSV-03: why an institution's routes are refused to `user`, or undefined when they are open. */
export function institutionAccessRefusal(
  user: Pick<AuthenticatedUser, 'role' | 'institutionId'>,
  institutionId: string,
): string | undefined {
  if (user.role !== 'hospital' || institutionId === user.institutionId) return undefined;
  return `institution ${institutionId} is not the user's ${user.institutionId ?? 'no institution'}`;
}
