import { instantOf, localInputValue, localTime, serverTime } from './format';

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

describe('date-time inputs (the unit tests run with TZ=UTC)', () => {
  it('fills an input with the local time of an instant, to the second', () => {
    expect(localInputValue(new Date('2026-12-01T09:05:07.900Z'))).toBe('2026-12-01T09:05:07');
  });

  it('sends what the user typed as the instant it names in their zone', () => {
    expect(instantOf('2026-12-01T09:05')).toBe('2026-12-01T09:05:00.000Z');
    const typed = localInputValue(new Date('2026-12-01T09:05:07.000Z'));
    expect(instantOf(typed)).toBe('2026-12-01T09:05:07.000Z');
  });
});
