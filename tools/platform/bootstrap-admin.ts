import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { text } from 'node:stream/consumers';
import { DataSource, DataSourceOptions } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import { ADMIN_ROLE } from '@v2v/contracts';
import { migrationDatabaseUrl } from '@v2v/database';
import { PasswordHasher } from '../../apps/gateway/src/auth/password-hasher';
import { passwordPolicyViolations } from '../../apps/gateway/src/auth/password-policy';
import { accountView, UserRepository } from '../../apps/gateway/src/auth/user.repository';
import { gatewayDataSourceOptions } from '../../apps/gateway/src/gateway.data-source';
import { parseBootstrapAdminArgs, passwordFromInput } from './bootstrap-admin-args';

/**
 * `npm run bootstrap-admin`: a deployment's first administrator, after `npm run migrate`, as
 * the schema owner (MIGRATION_DATABASE_URL, or DATABASE_URL). The password passes the policy
 * and must be changed at the first login; an existing administrator makes this refuse unless
 * `--force`. Nothing is written when anything is refused.
 */
async function main(): Promise<void> {
  const args = parseBootstrapAdminArgs(process.argv.slice(2));
  if (!args.passwordFile && process.stdin.isTTY)
    throw new Error(
      'pipe the password on stdin or name --password-file: typed, it would be echoed',
    );
  const password = passwordFromInput(
    args.passwordFile ? readFileSync(args.passwordFile, 'utf8') : await text(process.stdin),
  );
  const violations = passwordPolicyViolations(password, args.username);
  if (violations.length) throw new Error(`the password is refused: ${violations.join('; ')}`);
  const passwordHash = await new PasswordHasher().hash(password);

  const dataSource = new DataSource({
    ...gatewayDataSourceOptions(),
    url: migrationDatabaseUrl(),
  } as DataSourceOptions);
  await dataSource.initialize();
  try {
    const users = new UserRepository(dataSource);
    await dataSource.transaction(async (manager) => {
      await users.lockAccounts(manager);
      const admins = await users.countActiveAdmins(manager);
      if (admins > 0 && !args.force)
        throw new Error(
          `${admins} active administrator(s) exist already; they create accounts through /api/admin/users (--force adds another administrator)`,
        );
      if (await users.findByUsername(args.username, manager))
        throw new Error(`the username ${args.username} is taken`);
      const account = accountView(
        await users.insert(manager, {
          username: args.username,
          displayName: args.displayName,
          role: ADMIN_ROLE,
          institutionId: null,
          passwordHash,
        }),
      );
      await writeAudit(manager, 'gateway', {
        recordType: 'user-account',
        recordId: account.username,
        action: 'create',
        actor: { userId: 'bootstrap-admin', role: ADMIN_ROLE },
        reason: `bootstrap-admin${args.force ? ' --force' : ''} run by ${userInfo().username}@${hostname()}`,
        newValue: account,
      });
    });
    console.log(
      `bootstrap-admin: administrator ${args.username} created; log in and change the password (POST /api/auth/password)`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(`bootstrap-admin refused: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
