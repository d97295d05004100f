import { DomainError, JourneyStep, Role } from '@v2v/contracts';
import { STEP_ROUTES } from '../journeys/step-routes';

/**
 * Segregation of duties: an administrator does not change their own role, status or password
 * through user administration (so none can make themselves a GMP user or lock the last
 * administrator out); another administrator does it. Their own password goes through
 * POST /api/auth/password like everyone's.
 */
export function assertNotOwnAccount(admin: { username: string }, username: string, action: string) {
  if (admin.username === username)
    throw new DomainError(
      'SELF_ADMINISTRATION',
      `an administrator cannot ${action} their own account; another administrator does it`,
    );
}

/**
 * PER-01: a training record authorizes one journey step, so it is recorded only for a step the
 * user's role takes (admin and data-logger accounts take none). Returns the field error.
 */
export function trainingOperationProblem(role: Role, operation: JourneyStep): string | undefined {
  const roles: readonly Role[] = STEP_ROUTES[operation].roles;
  return roles.includes(role)
    ? undefined
    : `${operation} is not an operation of the role ${role} (${roles.join(', ')} only)`;
}
