/** A password entry as stored: `pending` while its comparison runs, counted as a failure. */
export interface PasswordAttempt {
  at: Date;
  outcome: 'pending' | 'failure' | 'success';
}

export interface LockoutPolicy {
  /** Failures within `windowMs` that start a lockout. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
  /** Whether a correct password forgets the failures before it. */
  resetOnSuccess: boolean;
}

const MINUTE = 60_000;

/**
 * Per account: 5 failed password entries within 15 minutes lock the account for 15 minutes. A
 * correct password clears the count, so the owner's own typos do not add up over a day.
 */
export const ACCOUNT_LOCKOUT: LockoutPolicy = {
  maxFailures: 5,
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
  resetOnSuccess: true,
};

/**
 * Per source address: 20 failed logins within 15 minutes lock the address for 15 minutes,
 * whichever usernames were tried. A success does not clear it: otherwise one's own account
 * would reset a sweep over everybody else's.
 */
export const SOURCE_LOCKOUT: LockoutPolicy = {
  maxFailures: 20,
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
  resetOnSuccess: false,
};

export type LockoutDecision =
  { locked: false } | { locked: true; until: Date; retryAfterSeconds: number };

/** How far back attempts can still matter to a decision now. */
export const lockoutLookbackMs = (policy: LockoutPolicy) => policy.windowMs + policy.lockMs;

/**
 * CSV-03 lockout: replays the attempts in time order. The attempt that brings the failures
 * within the window to `maxFailures` locks until `lockMs` after it; counting starts afresh
 * once a lock has run out.
 */
export function lockoutDecision(
  attempts: PasswordAttempt[],
  now: Date,
  policy: LockoutPolicy,
): LockoutDecision {
  const ordered = [...attempts].sort((a, b) => a.at.getTime() - b.at.getTime());
  let failures: number[] = [];
  let lockedUntil = Number.NEGATIVE_INFINITY;
  for (const attempt of ordered) {
    const at = attempt.at.getTime();
    if (at < lockedUntil) continue;
    if (attempt.outcome === 'success') {
      if (policy.resetOnSuccess) failures = [];
      continue;
    }
    failures = failures.filter((t) => t > at - policy.windowMs);
    failures.push(at);
    if (failures.length >= policy.maxFailures) {
      lockedUntil = at + policy.lockMs;
      failures = [];
    }
  }
  if (now.getTime() >= lockedUntil) return { locked: false };
  return {
    locked: true,
    until: new Date(lockedUntil),
    retryAfterSeconds: Math.ceil((lockedUntil - now.getTime()) / 1000),
  };
}
