import type { BatchRecordView } from '@v2v/contracts';
import {
  awaitingLineClearance,
  bookingsOf,
  type CalendarBooking,
  currentStep,
  outOfRange,
  shiftContaining,
} from './batch-record';

const purity = { parameterId: 'CD3-PURITY', name: 'CD3+ purity', unit: '%', min: 80, max: 100 };

describe('the batch record screen', () => {
  it('PRD-01 warns of a value outside the range, and not of the bounds themselves', () => {
    expect(outOfRange(purity, 79.9)).toBe(true);
    expect(outOfRange(purity, 100.1)).toBe(true);
    expect(outOfRange(purity, 80)).toBe(false);
    expect(outOfRange(purity, 100)).toBe(false);
    expect(outOfRange(purity, undefined)).toBe(false);
  });

  it('works on the step in progress, else the first pending one', () => {
    const view = (statuses: Array<'pending' | 'in-progress' | 'completed'>) =>
      ({
        steps: statuses.map((status, i) => ({ stepId: `S${i}`, name: `S${i}`, status })),
      }) as BatchRecordView;
    expect(currentStep(view(['completed', 'in-progress', 'pending']))?.stepId).toBe('S1');
    expect(currentStep(view(['completed', 'pending', 'pending']))?.stepId).toBe('S1');
    expect(currentStep(view(['completed', 'completed']))).toBeUndefined();
  });

  const booking = (over: Partial<CalendarBooking>): CalendarBooking => ({
    bookingId: 'b',
    donorCode: 'D1',
    stepId: 'FILL',
    roomCode: 'R',
    equipmentCode: null,
    incubatorCompartment: null,
    lineCode: 'L1',
    startsAt: '2026-12-01T10:00:00Z',
    endsAt: '2026-12-01T12:00:00Z',
    status: 'booked',
    completedAt: null,
    lineClearanceAt: null,
    ...over,
  });

  it("offers only the batch's bookings of the step still to be worked, earliest first", () => {
    const found = bookingsOf(
      [
        booking({ bookingId: 'late', startsAt: '2026-12-02T10:00:00Z' }),
        booking({ bookingId: 'other-donor', donorCode: 'D2' }),
        booking({ bookingId: 'other-step', stepId: 'EXPANSION' }),
        booking({ bookingId: 'cancelled', status: 'cancelled' }),
        booking({ bookingId: 'worked', completedAt: '2026-12-01T11:00:00Z' }),
        booking({ bookingId: 'early' }),
      ],
      'D1',
      'FILL',
    );
    expect(found.map((b) => b.bookingId)).toEqual(['early', 'late']);
  });

  it('PRD-04 asks for the line clearance of each ended step of the batch that has none', () => {
    const ended = '2026-12-01T11:00:00Z';
    const found = awaitingLineClearance(
      [
        booking({ bookingId: 'ended', completedAt: ended }),
        booking({ bookingId: 'cleared', completedAt: ended, lineClearanceAt: ended }),
        booking({ bookingId: 'ahead' }),
        booking({ bookingId: 'other-donor', donorCode: 'D2', completedAt: ended }),
      ],
      'D1',
    );
    expect(found.map((b) => b.bookingId)).toEqual(['ended']);
  });

  it('PRD-02 proposes the shift whose UTC hours contain now, a night shift past midnight', () => {
    const shifts = [
      { shiftCode: 'DAY', name: 'Day', startsAt: '08:00', endsAt: '16:00', active: true },
      { shiftCode: 'NIGHT', name: 'Night', startsAt: '16:00', endsAt: '02:00', active: true },
      { shiftCode: 'OLD', name: 'Old', startsAt: '02:00', endsAt: '08:00', active: false },
    ];
    expect(shiftContaining(shifts, new Date('2026-12-01T08:00:00Z'))?.shiftCode).toBe('DAY');
    expect(shiftContaining(shifts, new Date('2026-12-01T23:30:00Z'))?.shiftCode).toBe('NIGHT');
    expect(shiftContaining(shifts, new Date('2026-12-01T01:59:00Z'))?.shiftCode).toBe('NIGHT');
    expect(shiftContaining(shifts, new Date('2026-12-01T03:00:00Z'))).toBeUndefined();
  });
});
