import { Injectable } from '@nestjs/common';
import { writeAudit } from '@v2v/audit';
import { DomainError } from '@v2v/contracts';
import { DataSource } from 'typeorm';
import { AccessRefusalLog } from '../../refusals/access-refusal.log';
import { Clock } from '@v2v/service-kit';
import { actorOf, AuthenticatedUser } from '../authenticated-user';
import { PasswordAttemptThrottle } from '../password-attempts/password-attempt-throttle.service';
import { PasswordHasher } from '../password-hasher';
import { passwordPolicyError } from '../password-policy';
import { accountView, UserRepository } from '../user.repository';

const WHERE = { method: 'POST', path: '/api/auth/password' };

/**
 * CSV-03: a user changes their own password, re-entering the current one (counted like a
 * login, per account). The new one passes the policy and differs from the current one. The
 * forced change of a new account ends here; sessions issued before it end too.
 */
@Injectable()
export class ChangeOwnPasswordUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: PasswordAttemptThrottle,
    private readonly refusals: AccessRefusalLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: {
    user: AuthenticatedUser;
    currentPassword: string;
    newPassword: string;
  }): Promise<{ outcome: 'changed' } | { outcome: 'locked'; retryAfterSeconds: number }> {
    const { user } = input;
    const policy = passwordPolicyError('newPassword', input.newPassword, user.username);
    if (policy) throw policy;
    if (input.newPassword === input.currentPassword)
      throw new DomainError(
        'VALIDATION_FAILED',
        'the new password must differ from the current one',
        {
          fieldErrors: [{ path: 'newPassword', message: 'must differ from the current password' }],
        },
      );
    const account = await this.users.findByUsername(user.username);
    const verdict = await this.throttle.verify({
      username: user.username,
      context: 'password-change',
      check: () => this.hasher.matches(input.currentPassword, account?.passwordHash),
    });
    if (verdict.outcome !== 'accepted') {
      const locked = verdict.outcome === 'locked';
      await this.refusals.record({
        ...WHERE,
        username: user.username,
        role: user.role,
        status: locked ? 429 : 403,
        reason: locked
          ? 'password change locked after repeated failures'
          : 'password change: the current password does not match',
      });
      if (locked) return { outcome: 'locked', retryAfterSeconds: verdict.retryAfterSeconds };
      throw new DomainError('INVALID_CREDENTIALS', 'the current password is wrong');
    }
    const passwordHash = await this.hasher.hash(input.newPassword);
    await this.dataSource.transaction(async (manager) => {
      const before = await this.users.findForUpdate(manager, user.username);
      if (!before) throw new DomainError('NOT_FOUND', `no account ${user.username}`);
      const after = await this.users.setPassword(manager, user.username, {
        hash: passwordHash,
        mustChange: false,
        changedAt: this.clock.now(),
      });
      await writeAudit(manager, 'gateway', {
        recordType: 'user-account',
        recordId: user.username,
        action: 'update',
        actor: actorOf(user),
        reason: before.mustChangePassword
          ? 'password changed by the user (required change)'
          : 'password changed by the user',
        oldValue: accountView(before),
        newValue: accountView(after),
      });
    });
    return { outcome: 'changed' };
  }
}
