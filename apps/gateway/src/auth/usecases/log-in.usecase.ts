import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AccessRefusalLog } from '../../refusals/access-refusal.log';
import { GatewayConfig } from '../../config/gateway-config';
import type { AuthenticatedUser } from '../authenticated-user';
import { PasswordAttemptThrottle } from '../password-attempts/password-attempt-throttle.service';
import { PasswordHasher } from '../password-hasher';
import { UserRepository } from '../user.repository';

export type LoginOutcome =
  | { outcome: 'token'; accessToken: string; expiresIn: string; mustChangePassword: boolean }
  | { outcome: 'invalid' }
  | { outcome: 'locked'; retryAfterSeconds: number };

const WHERE = { method: 'POST', path: '/api/auth/login' };

/**
 * CSV-03 login. An unknown username, a disabled account and a wrong password get the same
 * answer after the same bcrypt work; repeated failures lock the username and the source
 * address (PasswordAttemptThrottle). Every refusal is kept in the access refusal log.
 */
@Injectable()
export class LogInUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: PasswordAttemptThrottle,
    private readonly jwt: JwtService,
    private readonly refusals: AccessRefusalLog,
    private readonly config: GatewayConfig,
  ) {}

  async execute(input: { username: string; password: string; source: string }) {
    const account = await this.users.findByUsername(input.username);
    const usable = account && !account.disabledAt ? account : undefined;
    const verdict = await this.throttle.verify({
      username: input.username,
      source: input.source,
      context: 'login',
      check: () => this.hasher.matches(input.password, usable?.passwordHash),
    });
    if (verdict.outcome === 'locked') {
      await this.refuse(input, 429, `login locked (${verdict.scope}) after repeated failures`);
      return { outcome: 'locked', retryAfterSeconds: verdict.retryAfterSeconds } as const;
    }
    if (verdict.outcome === 'rejected' || !usable) {
      const reason = !account
        ? 'unknown user'
        : account.disabledAt
          ? 'account disabled'
          : 'wrong password';
      await this.refuse(input, 401, `invalid credentials: ${reason}`);
      return { outcome: 'invalid' } as const;
    }
    const claims: AuthenticatedUser = {
      userId: usable.id,
      username: usable.username,
      role: usable.role,
      institutionId: usable.institutionId,
    };
    return {
      outcome: 'token',
      // The flag travels in the token too, so a restricted session never becomes a full one.
      accessToken: await this.jwt.signAsync({
        ...claims,
        mustChangePassword: usable.mustChangePassword,
      }),
      expiresIn: this.config.jwt.ttl,
      mustChangePassword: usable.mustChangePassword,
    } as const;
  }

  private async refuse(
    input: { username: string; source: string },
    status: 401 | 429,
    reason: string,
  ) {
    await this.refusals.record({
      ...WHERE,
      username: input.username,
      status,
      reason: `${reason}; from ${input.source}`,
    });
  }
}
