import { Injectable, Logger } from '@nestjs/common';
import {
  ACCOUNT_LOCKOUT,
  LockoutDecision,
  lockoutDecision,
  lockoutLookbackMs,
  SOURCE_LOCKOUT,
} from './lockout-rules';
import { PasswordAttemptRepository, PasswordContext } from './password-attempt.repository';

export type PasswordVerdict =
  | { outcome: 'accepted' }
  | { outcome: 'rejected' }
  | { outcome: 'locked'; scope: 'account' | 'source'; retryAfterSeconds: number };

const since = (now: Date, lookbackMs: number) => new Date(now.getTime() - lookbackMs);

/**
 * CSV-03 guessing resistance for every password entry: logins (per username and per source
 * address) and the re-entry of a password to sign or to change it (per username). While a
 * lockout runs, the password is not even compared, so a correct one is refused too. The
 * attempt is stored before the comparison, so parallel guesses on several replicas count.
 */
@Injectable()
export class PasswordAttemptThrottle {
  private readonly logger = new Logger('PasswordAttempts');

  constructor(private readonly attempts: PasswordAttemptRepository) {}

  async verify(input: {
    username: string;
    /** The client address of a login; other entries come from an authenticated session. */
    source?: string;
    context: PasswordContext;
    /** Compares the password; called only when no lockout runs. */
    check: () => Promise<boolean>;
  }): Promise<PasswordVerdict> {
    const source = input.source ?? null;
    const begun = await this.attempts.transaction(async (manager) => {
      await this.attempts.lock(manager, input.username, source);
      const now = await this.attempts.now(manager);
      const account = lockoutDecision(
        await this.attempts.ofUsername(
          manager,
          input.username,
          since(now, lockoutLookbackMs(ACCOUNT_LOCKOUT)),
        ),
        now,
        ACCOUNT_LOCKOUT,
      );
      if (account.locked) return this.locked('account', account, input.username, source);
      if (source !== null) {
        const fromSource = lockoutDecision(
          await this.attempts.fromSource(
            manager,
            source,
            since(now, lockoutLookbackMs(SOURCE_LOCKOUT)),
          ),
          now,
          SOURCE_LOCKOUT,
        );
        if (fromSource.locked) return this.locked('source', fromSource, input.username, source);
      }
      return {
        attemptId: await this.attempts.insertPending(manager, { ...input, source }),
      };
    });
    if ('outcome' in begun) return begun;
    let accepted = false;
    try {
      accepted = await input.check();
    } finally {
      await this.attempts.settle(begun.attemptId, accepted ? 'success' : 'failure');
    }
    if (accepted) return { outcome: 'accepted' };
    this.logger.warn(
      { username: input.username, source, context: input.context },
      'wrong password',
    );
    return { outcome: 'rejected' };
  }

  private locked(
    scope: 'account' | 'source',
    decision: Extract<LockoutDecision, { locked: true }>,
    username: string,
    source: string | null,
  ): PasswordVerdict {
    this.logger.warn(
      { scope, username, source, lockedUntil: decision.until.toISOString() },
      'password entry refused: locked after repeated failures',
    );
    return { outcome: 'locked', scope, retryAfterSeconds: decision.retryAfterSeconds };
  }
}
