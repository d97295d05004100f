import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { compare, hash, hashSync } from 'bcryptjs';

/**
 * bcrypt work factor of every password stored from now on (and of the stand-in hash). 10, as
 * before: bcryptjs runs on the event loop, and every login and every signature pays it (about
 * 85 ms here against 350 ms at 12); guessing is bounded by the lockout, not by the cost.
 */
export const BCRYPT_COST = 10;

/**
 * Hashing and comparing passwords (the crypto port). `matches` does the same bcrypt work
 * whether or not there is an account: a username that does not exist is compared against a
 * stand-in hash of the same cost, so the answer takes as long as for a wrong password.
 */
@Injectable()
export class PasswordHasher {
  private readonly standIn = hashSync(randomBytes(24).toString('base64'), BCRYPT_COST);

  hash(password: string): Promise<string> {
    return hash(password, BCRYPT_COST);
  }

  async matches(password: string, passwordHash: string | undefined): Promise<boolean> {
    const same = await compare(password, passwordHash ?? this.standIn);
    return passwordHash !== undefined && same;
  }
}
