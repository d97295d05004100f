import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import type { Role } from '@v2v/contracts';
import { AccessRefusalLog } from '../refusals/access-refusal.log';
import type { AuthenticatedUser } from './authenticated-user';
import {
  PASSWORD_CHANGE_KEY,
  PUBLIC_KEY,
  ROLE_REFUSAL_CODE_KEY,
  ROLES_KEY,
} from './roles.decorator';
import { sessionVerdict } from './session-rules';
import { UserRepository } from './user.repository';

/**
 * Global guard (CSV-03 basic form): a valid token on every endpoint but the public ones, of an
 * account that is still what the token says (session-rules.ts), and a role the endpoint
 * declares. An endpoint that declares no roles is closed to all, so none is ever left open by
 * omission. Every refusal is logged with who, what, when.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly refusals: AccessRefusalLog,
    private readonly users: UserRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const what = { method: request.method, path: request.originalUrl };
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!token) return this.refuse401(what, 'no bearer token');
    try {
      request.user = await this.jwt.verifyAsync<AuthenticatedUser>(token);
    } catch (error) {
      return this.refuse401(what, (error as Error).message);
    }
    const session = sessionVerdict(
      request.user,
      (await this.users.findById(request.user.userId)) ?? null,
      { passwordChange: Boolean(this.reflector.getAllAndOverride(PASSWORD_CHANGE_KEY, targets)) },
    );
    if (!session.allowed) {
      const who = { username: request.user.username, role: request.user.role };
      if (session.status === 401) return this.refuse401(what, session.reason, who);
      await this.refusals.record({ ...what, ...who, status: 403, reason: session.reason });
      throw new ForbiddenException({
        code: session.code,
        message: 'change your password first: POST /api/auth/password',
      });
    }
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [];
    if (!roles.includes(request.user.role)) {
      await this.refusals.record({
        ...what,
        username: request.user.username,
        role: request.user.role,
        status: 403,
        reason: 'role not allowed',
      });
      const code =
        this.reflector.getAllAndOverride<string>(ROLE_REFUSAL_CODE_KEY, targets) ??
        'FORBIDDEN_ROLE';
      const rule =
        code === 'PER-03'
          ? ' (PER-03: release decisions are signed by the qualified person only)'
          : '';
      throw new ForbiddenException({
        code,
        message: `this endpoint is for: ${roles.join(', ') || 'no role'}${rule}`,
      });
    }
    return true;
  }

  private async refuse401(
    what: { method: string; path: string },
    reason: string,
    who: { username?: string; role?: string } = {},
  ): Promise<never> {
    await this.refusals.record({ ...what, ...who, status: 401, reason });
    throw new UnauthorizedException({
      code: 'UNAUTHENTICATED',
      message: 'a valid bearer token is required',
    });
  }
}
