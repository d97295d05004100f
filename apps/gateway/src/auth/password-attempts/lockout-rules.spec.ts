import { ACCOUNT_LOCKOUT, lockoutDecision, PasswordAttempt, SOURCE_LOCKOUT } from './lockout-rules';

const T0 = Date.parse('2026-11-25T08:00:00Z');
const min = (m: number) => new Date(T0 + m * 60_000);
const failures = (...minutes: number[]): PasswordAttempt[] =>
  minutes.map((m) => ({ at: min(m), outcome: 'failure' }));

describe('password lockout', () => {
  it('CSV-03 allows four failures within 15 minutes', () => {
    expect(lockoutDecision(failures(0, 1, 2, 3), min(4), ACCOUNT_LOCKOUT)).toEqual({
      locked: false,
    });
  });

  it('CSV-03 locks an account for 15 minutes from its fifth failure within 15 minutes', () => {
    expect(lockoutDecision(failures(0, 1, 2, 3, 4), min(5), ACCOUNT_LOCKOUT)).toEqual({
      locked: true,
      until: min(19),
      retryAfterSeconds: 14 * 60,
    });
    expect(lockoutDecision(failures(0, 1, 2, 3, 4), min(19), ACCOUNT_LOCKOUT)).toEqual({
      locked: false,
    });
  });

  it('CSV-03 counts a pending attempt (a comparison still running elsewhere) as a failure', () => {
    const attempts: PasswordAttempt[] = [
      ...failures(0, 1, 2, 3),
      { at: min(4), outcome: 'pending' },
    ];
    expect(lockoutDecision(attempts, min(4.5), ACCOUNT_LOCKOUT)).toMatchObject({ locked: true });
  });

  it('CSV-03 does not add up failures spread over more than 15 minutes', () => {
    expect(lockoutDecision(failures(0, 4, 8, 12, 16), min(17), ACCOUNT_LOCKOUT)).toEqual({
      locked: false,
    });
  });

  it("CSV-03 forgets an account's failures after a correct password", () => {
    const attempts: PasswordAttempt[] = [
      ...failures(0, 1, 2, 3),
      { at: min(3.5), outcome: 'success' },
      ...failures(4),
    ];
    expect(lockoutDecision(attempts, min(5), ACCOUNT_LOCKOUT)).toEqual({ locked: false });
  });

  it('CSV-03 counts afresh once a lock has run out', () => {
    expect(
      lockoutDecision(failures(0, 1, 2, 3, 4, 20, 21, 22, 23), min(24), ACCOUNT_LOCKOUT),
    ).toEqual({ locked: false });
  });

  it('CSV-03 locks a source address on its 20th failure, and a success does not reset it', () => {
    const attempts: PasswordAttempt[] = [
      ...failures(...Array.from({ length: 19 }, (_, i) => i * 0.5)),
      { at: min(10), outcome: 'success' },
    ];
    expect(lockoutDecision(attempts, min(10.5), SOURCE_LOCKOUT)).toEqual({ locked: false });
    const locked = lockoutDecision([...attempts, ...failures(11)], min(11), SOURCE_LOCKOUT);
    expect(locked).toEqual({ locked: true, until: min(26), retryAfterSeconds: 15 * 60 });
  });

  it('CSV-03 reads attempts in time order whatever order they come in', () => {
    expect(lockoutDecision(failures(4, 2, 0, 3, 1), min(5), ACCOUNT_LOCKOUT)).toMatchObject({
      locked: true,
    });
  });
});
