import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor, Role } from '@v2v/contracts';

export interface AuthenticatedUser {
  userId: string;
  username: string;
  role: Role;
  institutionId: string | null;
}

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthenticatedUser => ctx.switchToHttp().getRequest().user,
);

export function actorOf(user: AuthenticatedUser): Actor {
  return { userId: user.username, role: user.role };
}
