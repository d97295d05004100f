import { assertLocalEnvironment } from './local-environment';

describe('local-only demo seeding', () => {
  it.each(['production', 'staging', undefined])(
    'CSV-03 refuses to seed demo users with NODE_ENV=%s',
    (NODE_ENV) => {
      expect(() => assertLocalEnvironment({ NODE_ENV }, 'seeding demo users')).toThrow(
        /only with NODE_ENV=development or test/,
      );
    },
  );

  it.each(['development', 'test'])('CSV-03 seeds demo users with NODE_ENV=%s', (NODE_ENV) => {
    expect(() => assertLocalEnvironment({ NODE_ENV }, 'seeding demo users')).not.toThrow();
  });
});
