import { Injectable } from '@nestjs/common';
import { writeAudit } from '@v2v/audit';
import { DomainError } from '@v2v/contracts';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { actorOf, AuthenticatedUser } from '../../auth/authenticated-user';
import { PasswordHasher } from '../../auth/password-hasher';
import { passwordPolicyError } from '../../auth/password-policy';
import { accountView, UserAccountView, UserRepository } from '../../auth/user.repository';
import { Clock } from '@v2v/service-kit';
import { resetPasswordBody } from '../user-administration.schemas';
import { assertNotOwnAccount } from '../user-administration-rules';

/**
 * A forgotten password: the administrator gives a temporary one (policy checked) that the
 * account must change at its next login; its sessions end at once.
 */
@Injectable()
export class ResetUserPasswordUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async execute(
    admin: AuthenticatedUser,
    username: string,
    command: z.infer<typeof resetPasswordBody>,
  ): Promise<UserAccountView> {
    assertNotOwnAccount(admin, username, 'reset the password of');
    const policy = passwordPolicyError('temporaryPassword', command.temporaryPassword, username);
    if (policy) throw policy;
    const passwordHash = await this.hasher.hash(command.temporaryPassword);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.users.findForUpdate(manager, username);
      if (!before) throw new DomainError('NOT_FOUND', `no account ${username}`);
      const after = await this.users.setPassword(manager, username, {
        hash: passwordHash,
        mustChange: true,
        changedAt: this.clock.now(),
      });
      await writeAudit(manager, 'gateway', {
        recordType: 'user-account',
        recordId: username,
        action: 'update',
        actor: actorOf(admin),
        reason: `temporary password given: ${command.reason}`,
        oldValue: accountView(before),
        newValue: accountView(after),
      });
      return accountView(after);
    });
  }
}
