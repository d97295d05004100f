import { Injectable } from '@nestjs/common';
import { writeAudit } from '@v2v/audit';
import { DomainError } from '@v2v/contracts';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { actorOf, AuthenticatedUser } from '../../auth/authenticated-user';
import { accountView, UserAccountView, UserRepository } from '../../auth/user.repository';
import { InstitutionRegisterCheck } from '../institution-register.check';
import { changeRoleBody } from '../user-administration.schemas';
import { assertNotOwnAccount } from '../user-administration-rules';

/**
 * An administrator changes an account's role and institution together (a hospital account
 * needs one). The account's sessions end at once (auth.guard.ts); its training records stay
 * and authorize only the steps of its new role.
 */
@Injectable()
export class ChangeUserRoleUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly institutions: InstitutionRegisterCheck,
  ) {}

  async execute(
    admin: AuthenticatedUser,
    username: string,
    command: z.infer<typeof changeRoleBody>,
  ): Promise<UserAccountView> {
    assertNotOwnAccount(admin, username, 'change the role of');
    await this.institutions.assertRegistered(command.institutionId);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.users.findForUpdate(manager, username);
      if (!before) throw new DomainError('NOT_FOUND', `no account ${username}`);
      const institutionId = command.institutionId ?? null;
      if (before.role === command.role && before.institutionId === institutionId)
        throw new DomainError(
          'ACCOUNT_STATE_UNCHANGED',
          `${username} already has the role ${command.role}${institutionId ? ` at ${institutionId}` : ''}`,
        );
      const after = await this.users.updateAssignment(manager, username, {
        role: command.role,
        institutionId,
      });
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
