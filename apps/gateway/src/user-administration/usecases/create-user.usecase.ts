import { Injectable } from '@nestjs/common';
import { writeAudit } from '@v2v/audit';
import { DomainError } from '@v2v/contracts';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { actorOf, AuthenticatedUser } from '../../auth/authenticated-user';
import { PasswordHasher } from '../../auth/password-hasher';
import { passwordPolicyError } from '../../auth/password-policy';
import { accountView, UserAccountView, UserRepository } from '../../auth/user.repository';
import { InstitutionRegisterCheck } from '../institution-register.check';
import { createUserBody } from '../user-administration.schemas';

const taken = (username: string) =>
  new DomainError('USER_ALREADY_EXISTS', `the username ${username} is taken`, {
    fieldErrors: [{ path: 'username', message: 'already taken' }],
  });

/**
 * An administrator creates an account with a temporary password that passes the policy; the
 * account must change it at its first login. Nothing is written when anything is refused.
 */
@Injectable()
export class CreateUserUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly institutions: InstitutionRegisterCheck,
  ) {}

  async execute(
    admin: AuthenticatedUser,
    command: z.infer<typeof createUserBody>,
  ): Promise<UserAccountView> {
    const policy = passwordPolicyError(
      'temporaryPassword',
      command.temporaryPassword,
      command.username,
    );
    if (policy) throw policy;
    await this.institutions.assertRegistered(command.institutionId);
    const passwordHash = await this.hasher.hash(command.temporaryPassword);
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (await this.users.findByUsername(command.username, manager))
          throw taken(command.username);
        const account = accountView(
          await this.users.insert(manager, {
            username: command.username,
            displayName: command.displayName,
            role: command.role,
            institutionId: command.institutionId ?? null,
            passwordHash,
          }),
        );
        await writeAudit(manager, 'gateway', {
          recordType: 'user-account',
          recordId: account.username,
          action: 'create',
          actor: actorOf(admin),
          newValue: account,
        });
        return account;
      });
    } catch (error) {
      // Two creations of one username at once: the second finds the unique key taken.
      if ((error as { code?: string }).code === '23505') throw taken(command.username);
      throw error;
    }
  }
}
