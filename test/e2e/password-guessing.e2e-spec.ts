import { createUser, strongPassword, timedLogin, unique } from './support/accounts';

describe('password guessing', () => {
  it('CSV-03 five wrong passwords lock the account, a correct one is then refused with Retry-After, and an unknown user gets the same answers in about the same time', async () => {
    const username = `locked-${unique()}`;
    const password = strongPassword();
    expect(
      (
        await createUser({
          username,
          displayName: 'Lockout',
          role: 'ops',
          temporaryPassword: password,
        })
      ).status,
    ).toBe(201);
    const ghost = `ghost-${unique()}`;

    const real = [];
    const unknown = [];
    for (let i = 0; i < 5; i++) {
      real.push(await timedLogin(username, `wrong-guess-${i}-tundra`));
      unknown.push(await timedLogin(ghost, `wrong-guess-${i}-tundra`));
    }
    for (const attempt of [...real, ...unknown]) {
      expect({ status: attempt.status, body: attempt.body }).toEqual({
        status: 401,
        body: { code: 'INVALID_CREDENTIALS', message: 'unknown user or wrong password' },
      });
    }
    // The unknown user costs the same bcrypt comparison: without it, it would answer ~20× faster.
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    expect(median(unknown.map((a) => a.ms))).toBeGreaterThan(0.4 * median(real.map((a) => a.ms)));

    const locked = await timedLogin(username, password);
    const lockedGhost = await timedLogin(ghost, password);
    for (const attempt of [locked, lockedGhost]) {
      expect(attempt.status).toBe(429);
      expect(attempt.body).toMatchObject({
        code: 'TOO_MANY_ATTEMPTS',
        message: 'too many failed password entries; try again later',
      });
      expect(Number(attempt.retryAfter)).toBeGreaterThan(14 * 60);
      expect(Number(attempt.retryAfter)).toBeLessThanOrEqual(15 * 60);
    }
  });
});
