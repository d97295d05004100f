import { followUpCompletionRefusal, followUpPeriodEnd } from './follow-up-period';

const infusedAt = '2026-12-01T10:00:00.000Z';
const endsAt = followUpPeriodEnd(infusedAt, 90);

describe('the follow-up period', () => {
  it("ends the specification's followUpDays after the infusion", () => {
    expect(endsAt).toBe('2027-03-01T10:00:00.000Z');
  });

  it('refuses to complete the period before its end, naming the end date', () => {
    expect(
      followUpCompletionRefusal(endsAt, Date.parse('2027-02-28T10:00:00Z'), 'period-completed'),
    ).toBe(
      'the follow-up period ends on 2027-03-01T10:00:00.000Z: it can be completed from then, or earlier only with the outcome death or withdrawal',
    );
  });

  it('lets it complete from its end, and a death or withdrawal end it at any time', () => {
    expect(
      followUpCompletionRefusal(endsAt, Date.parse(endsAt), 'period-completed'),
    ).toBeUndefined();
    const early = Date.parse('2026-12-20T10:00:00Z');
    expect(followUpCompletionRefusal(endsAt, early, 'death')).toBeUndefined();
    expect(followUpCompletionRefusal(endsAt, early, 'withdrawal')).toBeUndefined();
  });
});
