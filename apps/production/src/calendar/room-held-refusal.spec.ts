import { DomainError } from '@v2v/contracts';
import { roomHeldByAnotherJourney } from '@v2v/testing';
import type { BookingCandidate, BookingFacts, CalendarEntry } from './room-booking';
import { requireBookingAllowed } from './scheduling-rules';
import { at, booked, closedCandidate, closedFacts } from './__tests__/calendar-fixtures';

/** The refusal's body as the gateway answers it: code and sentence. */
function refusalOf(c: BookingCandidate, calendar: CalendarEntry[], f: BookingFacts) {
  try {
    requireBookingAllowed(c, calendar, f);
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('the booking was not refused');
}

/*
 * The tests book the one demo line while other tests may run their batch records on it: their
 * wait (`bookWhenRoomFree`, libs/testing) reads this calendar's PRD-04 sentences for the
 * bookings that hold the room.
 */
describe('a PRD-04 refusal read by the tests that wait for the room', () => {
  const ours = { ...closedCandidate, donorCode: 'D-1', startsAt: at(8), endsAt: at(10) };

  it('is waited out when another journey runs a step in the room', () => {
    const running = booked({
      ...closedCandidate,
      donorCode: 'D-2',
      startsAt: at(7),
      endsAt: at(11),
    });
    expect(roomHeldByAnotherJourney(refusalOf(ours, [running], closedFacts), 'D-1')).toBe(true);
  });

  it("is waited out when another journey's ended step awaits its line clearance", () => {
    const ended = booked({
      ...closedCandidate,
      donorCode: 'D-2',
      startsAt: at(2),
      endsAt: at(6),
      completedAt: at(5),
    });
    const refusal = refusalOf(ours, [ended], { ...closedFacts, now: at(7) });
    expect(refusal.message).toContain('line clearance');
    expect(roomHeldByAnotherJourney(refusal, 'D-1')).toBe(true);
  });

  it("is reported when the journey's own booking holds the room", () => {
    const own = booked({
      ...closedCandidate,
      donorCode: 'D-1',
      stepId: 'HARVEST',
      startsAt: at(7),
    });
    const other = booked({ ...closedCandidate, donorCode: 'D-2', startsAt: at(9) });
    expect(roomHeldByAnotherJourney(refusalOf(ours, [own], closedFacts), 'D-1')).toBe(false);
    expect(roomHeldByAnotherJourney(refusalOf(ours, [own, other], closedFacts), 'D-1')).toBe(false);
  });

  it('is reported when a rule broken names no booking', () => {
    const positive = refusalOf({ ...ours, positiveMaterial: true }, [], closedFacts);
    expect(roomHeldByAnotherJourney(positive, 'D-1')).toBe(false);
    const running = booked({ ...closedCandidate, donorCode: 'D-2', startsAt: at(7) });
    const both = refusalOf({ ...ours, positiveMaterial: true }, [running], closedFacts);
    expect(roomHeldByAnotherJourney(both, 'D-1')).toBe(false);
  });

  it('is reported when the refusal is another rule', () => {
    const grade = refusalOf(ours, [], {
      ...closedFacts,
      step: { ...closedFacts.step, grade: 'A-in-B' },
    });
    expect(grade.code).toBe('FAC-02');
    expect(roomHeldByAnotherJourney(grade, 'D-1')).toBe(false);
    expect(roomHeldByAnotherJourney({ status: 500 }, 'D-1')).toBe(false);
    expect(roomHeldByAnotherJourney(undefined, 'D-1')).toBe(false);
  });
});
