import { localTime, serverTime } from './format';

describe('times of GMP records', () => {
  const at = '2026-12-01T11:31:02.123Z';

  it('shows the recorded instant as the server stored it, in UTC', () => {
    expect(serverTime(at)).toBe('2026-12-01 11:31:02 UTC');
  });

  it("shows the same instant in the user's time zone", () => {
    expect(localTime(at, 'en-GB', 'Asia/Shanghai')).toContain('19:31:02');
    expect(localTime(at, 'en-GB', 'UTC')).toContain('11:31:02');
  });
});
