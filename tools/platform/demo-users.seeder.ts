import 'reflect-metadata';
import { hash } from 'bcryptjs';
import { DataSource, DataSourceOptions } from 'typeorm';
import { migrationDatabaseUrl } from '@v2v/database';
import { demoUserPassword } from '@v2v/testing';
import { BCRYPT_COST } from '../../apps/gateway/src/auth/password-hasher';
import { gatewayDataSourceOptions } from '../../apps/gateway/src/gateway.data-source';
import { DEMO_USERS, demoTrainingRecords } from './demo-users';
import { DemoUsersRepository } from './demo-users.repository';
import { assertLocalEnvironment } from './local-environment';

/**
 * Local only (`npm start`, the tests): the demo accounts with the password of
 * `demoUserPassword()` (SEED_USER_PASSWORD, or the local default) and their training records.
 * No migration creates a user; outside NODE_ENV=development|test this refuses before
 * connecting. Demo data is not audited: it is not a GMP record of any deployment.
 */
export async function seedDemoUsers(log: (line: string) => void = console.log): Promise<void> {
  assertLocalEnvironment(process.env, 'seeding demo users');
  const passwordHash = await hash(demoUserPassword(), BCRYPT_COST);
  const dataSource = new DataSource({
    ...gatewayDataSourceOptions(),
    url: migrationDatabaseUrl(),
  } as DataSourceOptions);
  await dataSource.initialize();
  try {
    await dataSource.transaction(async (manager) => {
      const demo = new DemoUsersRepository(manager);
      for (const user of DEMO_USERS) {
        await demo.upsertUser(user, passwordHash);
        for (const record of demoTrainingRecords(user)) await demo.ensureTraining(record);
      }
      await demo.clearPasswordAttempts();
    });
    log(`seed: demo users ${DEMO_USERS.map((u) => u.username).join(', ')}`);
  } finally {
    await dataSource.destroy();
  }
}
