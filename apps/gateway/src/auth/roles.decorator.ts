import { SetMetadata } from '@nestjs/common';
import type { Role } from '@v2v/contracts';

export const ROLES_KEY = 'v2v:roles';
export const PUBLIC_KEY = 'v2v:public';

/** The roles allowed to call an endpoint, declared on the endpoint itself. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Marks the few endpoints that need no token (login, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
