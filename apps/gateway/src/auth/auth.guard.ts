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
import { AccessRefusalLog } from './access-refusal.log';
import type { AuthenticatedUser } from './authenticated-user';
import { PUBLIC_KEY, ROLE_REFUSAL_CODE_KEY, ROLES_KEY } from './roles.decorator';

/**
 * Global guard (CSV-03 basic form): a valid token on every endpoint but the public ones,
 * and a role the endpoint declares. An endpoint that declares no roles is closed to all,
 * so none is ever left open by omission. Every refusal is logged with who, what, when.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly refusals: AccessRefusalLog,
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

  private async refuse401(what: { method: string; path: string }, reason: string): Promise<never> {
    await this.refusals.record({ ...what, status: 401, reason });
    throw new UnauthorizedException({
      code: 'UNAUTHENTICATED',
      message: 'a valid bearer token is required',
    });
  }
}
