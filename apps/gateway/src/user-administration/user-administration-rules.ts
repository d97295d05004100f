import {
  DomainError,
  GmpOperation,
  isRecordOperation,
  RECORD_OPERATIONS,
  Role,
} from '@v2v/contracts';
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
 * PER-01: a training record authorizes one GMP operation (a journey step or a record operation
 * such as a lot release), so it is recorded only for an operation the user's role performs
 * (admin and data-logger accounts perform none). Returns the field error.
 */
export function trainingOperationProblem(role: Role, operation: GmpOperation): string | undefined {
  const roles: readonly Role[] = isRecordOperation(operation)
    ? RECORD_OPERATIONS[operation].roles
    : STEP_ROUTES[operation].roles;
  return roles.includes(role)
    ? undefined
    : `${operation} is not an operation of the role ${role} (${roles.join(', ')} only)`;
}
