import type { AuthenticatedUser } from './authenticated-user';
import type { UserAccount } from './user.repository';

export type SessionVerdict =
  | { allowed: true }
  | { allowed: false; status: 401; reason: string }
  | { allowed: false; status: 403; code: 'PASSWORD_CHANGE_REQUIRED'; reason: string };

/**
 * CSV-03: a token is only as good as the account behind it now. It ends when the account is
 * disabled or removed, when its role or institution changed, or when its password changed
 * after the token was issued (JWT `iat`, whole seconds, so also by a token flagged as issued
 * while a change was due: it never becomes a full session). An account that must change its
 * password reaches only the password change route.
 */
export function sessionVerdict(
  claims: AuthenticatedUser & { iat?: number; mustChangePassword?: boolean },
  account: Pick<
    UserAccount,
    'role' | 'institutionId' | 'disabledAt' | 'mustChangePassword' | 'passwordChangedAt'
  > | null,
  route: { passwordChange: boolean },
): SessionVerdict {
  if (!account) return { allowed: false, status: 401, reason: 'account no longer exists' };
  if (account.disabledAt) return { allowed: false, status: 401, reason: 'account disabled' };
  if (account.role !== claims.role || account.institutionId !== claims.institutionId)
    return {
      allowed: false,
      status: 401,
      reason: 'role or institution changed since the token was issued',
    };
  const changedAtSeconds = account.passwordChangedAt
    ? Math.floor(account.passwordChangedAt.getTime() / 1000)
    : undefined;
  if (changedAtSeconds !== undefined && (claims.iat ?? 0) < changedAtSeconds)
    return {
      allowed: false,
      status: 401,
      reason: 'password changed since the token was issued',
    };
  if (claims.mustChangePassword && !account.mustChangePassword)
    return {
      allowed: false,
      status: 401,
      reason: 'password changed since the token was issued',
    };
  if (account.mustChangePassword && !route.passwordChange)
    return {
      allowed: false,
      status: 403,
      code: 'PASSWORD_CHANGE_REQUIRED',
      reason: 'the account must change its password first',
    };
  return { allowed: true };
}
