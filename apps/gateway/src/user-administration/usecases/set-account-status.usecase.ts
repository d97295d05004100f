import { Injectable } from '@nestjs/common';
import { writeAudit } from '@v2v/audit';
import { DomainError } from '@v2v/contracts';
import { DataSource } from 'typeorm';
import { actorOf, AuthenticatedUser } from '../../auth/authenticated-user';
import { accountView, UserAccountView, UserRepository } from '../../auth/user.repository';
import { assertNotOwnAccount } from '../user-administration-rules';

/**
 * An administrator disables an account (it can no longer log in, and its sessions end at
 * once) or enables it again. Accounts are never deleted: GMP records name them.
 */
@Injectable()
export class SetAccountStatusUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
  ) {}

  async execute(
    admin: AuthenticatedUser,
    username: string,
    command: { status: 'active' | 'disabled'; reason: string },
  ): Promise<UserAccountView> {
    const verb = command.status === 'disabled' ? 'disable' : 'enable';
    assertNotOwnAccount(admin, username, verb);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.users.findForUpdate(manager, username);
      if (!before) throw new DomainError('NOT_FOUND', `no account ${username}`);
      if (accountView(before).status === command.status)
        throw new DomainError(
          'ACCOUNT_STATE_UNCHANGED',
          `${username} is already ${command.status}`,
        );
      const after = await this.users.setDisabled(
        manager,
        username,
        command.status === 'disabled' ? admin.username : null,
      );
      await writeAudit(manager, 'gateway', {
        recordType: 'user-account',
        recordId: username,
        action: 'update',
        actor: actorOf(admin),
        reason: command.reason,
        oldValue: accountView(before),
        newValue: accountView(after),
      });
      return accountView(after);
    });
  }
}
