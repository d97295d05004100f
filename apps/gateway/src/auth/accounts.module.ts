import { Module } from '@nestjs/common';
import { PasswordAttemptRepository } from './password-attempts/password-attempt.repository';
import { PasswordAttemptThrottle } from './password-attempts/password-attempt-throttle.service';
import { PasswordHasher } from './password-hasher';
import { UserRepository } from './user.repository';

const PROVIDERS = [
  UserRepository,
  PasswordHasher,
  PasswordAttemptRepository,
  PasswordAttemptThrottle,
];

/**
 * User accounts and password entry (CSV-03): read by the auth guard, login, signatures and
 * user administration alike.
 */
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class AccountsModule {}
