import { SetMetadata } from '@nestjs/common';
import type { Role } from '@v2v/contracts';

export const ROLES_KEY = 'v2v:roles';
export const PUBLIC_KEY = 'v2v:public';
export const ROLE_REFUSAL_CODE_KEY = 'v2v:role-refusal-code';
export const PASSWORD_CHANGE_KEY = 'v2v:password-change';

/** The roles allowed to call an endpoint, declared on the endpoint itself. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Marks the few endpoints that need no token (login, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The rule a role refusal names on this endpoint (PER-03 on release decisions). */
export const RoleRefusalCode = (code: 'PER-03') => SetMetadata(ROLE_REFUSAL_CODE_KEY, code);

/** The one route an account that must change its password may reach (CSV-03). */
export const PasswordChangeRoute = () => SetMetadata(PASSWORD_CHANGE_KEY, true);
