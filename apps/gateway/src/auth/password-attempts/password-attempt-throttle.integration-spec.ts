import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { gatewayDataSourceOptions } from '../../gateway.data-source';
import { PasswordAttemptRepository } from './password-attempt.repository';
import { PasswordAttemptThrottle } from './password-attempt-throttle.service';

// Real PostgreSQL: the gateway schema as migrated, through the services' own role.
let dataSource: DataSource;
let throttle: PasswordAttemptThrottle;
beforeAll(async () => {
  dataSource = await new DataSource(gatewayDataSourceOptions()).initialize();
  throttle = new PasswordAttemptThrottle(new PasswordAttemptRepository(dataSource));
});
afterAll(() => dataSource?.destroy());

const username = () => `it-${randomUUID().slice(0, 8)}`;
/** A documentation address (RFC 5737), different in every test. */
const source = () => `198.51.100.${randomInt(1, 255)}-${randomUUID().slice(0, 4)}`;
/** A comparison that takes a while, as bcrypt does, so entries overlap. */
const slow = (result: boolean) => () =>
  new Promise<boolean>((r) => setTimeout(() => r(result), 50));

describe('password attempt throttle on real PostgreSQL', () => {
  it('CSV-03 locks a username after five failures even when eight guesses arrive at once, and then refuses the right password uncompared', async () => {
    const name = username();
    const verdicts = await Promise.all(
      Array.from({ length: 8 }, () =>
        throttle.verify({ username: name, context: 'login', check: slow(false) }),
      ),
    );
    expect(verdicts.filter((v) => v.outcome === 'rejected')).toHaveLength(5);
    expect(verdicts.filter((v) => v.outcome === 'locked')).toHaveLength(3);

    const check = jest.fn(slow(true));
    expect(await throttle.verify({ username: name, context: 'signature', check })).toMatchObject({
      outcome: 'locked',
      scope: 'account',
    });
    expect(check).not.toHaveBeenCalled();
    const [{ n }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM gateway.password_attempt WHERE username = $1`,
      [name],
    );
    expect(n).toBe(5);
  });

  it('CSV-03 forgets four failures after the right password', async () => {
    const name = username();
    const fail = () => throttle.verify({ username: name, context: 'login', check: slow(false) });
    for (let i = 0; i < 4; i++) expect((await fail()).outcome).toBe('rejected');
    expect(
      (await throttle.verify({ username: name, context: 'login', check: slow(true) })).outcome,
    ).toBe('accepted');
    for (let i = 0; i < 4; i++) expect((await fail()).outcome).toBe('rejected');
  });

  it('CSV-03 locks a source address after 20 failed logins, whichever usernames they tried', async () => {
    const from = source();
    for (let i = 0; i < 20; i++) {
      const verdict = await throttle.verify({
        username: username(),
        source: from,
        context: 'login',
        check: async () => false,
      });
      expect(verdict.outcome).toBe('rejected');
    }
    expect(
      await throttle.verify({
        username: username(),
        source: from,
        context: 'login',
        check: async () => true,
      }),
    ).toMatchObject({ outcome: 'locked', scope: 'source' });
    expect(
      (
        await throttle.verify({
          username: username(),
          source: source(),
          context: 'login',
          check: async () => true,
        })
      ).outcome,
    ).toBe('accepted');
  });
});
