import type { BookingCandidate } from './room-booking';
import { checkBooking, requireBookingAllowed } from './scheduling-rules';
import {
  at,
  room,
  step,
  CLOSED_ROOM,
  INCUBATOR_ROOM,
  ISO,
  CS,
  HONEYCOMB,
  SHARED_INC,
  candidate,
  booked,
  facts,
  items,
  closedFacts,
  closedCandidate,
} from './__tests__/calendar-fixtures';

describe('checkBooking (PRD-04, §9(5))', () => {
  it('PRD-04 accepts a booking on an empty calendar', () => {
    expect(checkBooking(candidate(), [], facts())).toEqual([]);
  });

  it('PRD-04 §9(5)1 refuses positive material outside a positive-material area', () => {
    const v = checkBooking(candidate({ positiveMaterial: true }), [], facts());
    expect(v).toEqual([
      expect.objectContaining({
        item: 1,
        message: expect.stringContaining('positive-material area'),
      }),
    ]);
  });

  it('PRD-04 §9(5)1 refuses material without a positive marker in the positive-material area', () => {
    const posRoom = room('POS1-R01', 'A-in-B', 'positive-material');
    const c = candidate({
      roomCode: 'POS1-R01',
      areaCode: 'POS-1',
      equipmentCode: null,
      equipmentClass: null,
    });
    expect(items(checkBooking(c, [], facts({ room: posRoom, equipment: undefined })))).toEqual([1]);
    expect(
      checkBooking(
        { ...c, positiveMaterial: true },
        [],
        facts({ room: posRoom, equipment: undefined }),
      ),
    ).toEqual([]);
  });

  it('PRD-04 §9(5)2 refuses an open step of another product in the same area at overlapping times', () => {
    const other = booked({
      productCode: 'CART-BCMA',
      donorCode: 'D-9',
      roomCode: 'CP1-R02',
      startsAt: at(10),
      endsAt: at(14),
    });
    const v = checkBooking(candidate(), [other], facts());
    expect(v).toEqual([
      expect.objectContaining({
        item: 2,
        message: expect.stringContaining('two products in area CP-1'),
      }),
    ]);
  });

  it('PRD-04 §9(5)2 refuses a closed step beside an open step of another product in the area', () => {
    const open = booked({
      productCode: 'CART-BCMA',
      donorCode: 'D-9',
      startsAt: at(9),
      endsAt: at(11),
    });
    const closed = candidate({
      roomCode: 'CP1-R03',
      operationType: 'closed',
      equipmentCode: 'CS-301',
      equipmentClass: 'closed-system',
    });
    expect(
      items(
        checkBooking(
          closed,
          [open],
          facts({
            room: CLOSED_ROOM,
            equipment: CS,
            step: step({ operationType: 'closed', grade: 'D' }),
          }),
        ),
      ),
    ).toEqual([2]);
  });

  it('PRD-04 §9(5)2 accepts the other product once the first has ended, and ignores cancelled bookings and other areas', () => {
    const before = booked({ productCode: 'CART-BCMA', startsAt: at(4), endsAt: at(8) });
    const cancelled = booked({ productCode: 'CART-BCMA', status: 'cancelled' });
    const elsewhere = booked({ productCode: 'CART-BCMA', areaCode: 'CP-2', roomCode: 'CP2-R01' });
    expect(checkBooking(candidate(), [before, cancelled, elsewhere], facts())).toEqual([]);
  });

  it('PRD-04 §9(5)2 refuses two batches of one product in one room at once with an open system', () => {
    const other = booked({ donorCode: 'D-2', lineCode: 'L2' });
    expect(checkBooking(candidate(), [other], facts())).toEqual([
      expect.objectContaining({
        item: 2,
        message: expect.stringContaining('two batches of CART-CD19 in room CP1-R01'),
      }),
    ]);
  });

  it('PRD-04 §9(5)2 accepts two batches of one product in different rooms of the area', () => {
    const other = booked({ donorCode: 'D-2', roomCode: 'CP1-R02', lineCode: 'L2' });
    expect(checkBooking(candidate(), [other], facts())).toEqual([]);
  });

  it('PRD-04 §9(5)4 refuses a second closed step in one room at once', () => {
    const other = booked({
      ...closedCandidate,
      donorCode: 'D-2',
      equipmentCode: 'CS-301',
      equipmentClass: 'closed-system',
      lineCode: 'L2',
    });
    expect(items(checkBooking(closedCandidate, [other], closedFacts))).toEqual([4]);
  });

  it('PRD-04 §9(5)4 lets closed-system cell cultures share a room and an incubator', () => {
    const culture = candidate({
      stepId: 'EXPANSION',
      roomCode: 'CP1-R04',
      operationType: 'closed',
      cellCulture: true,
      equipmentCode: 'INC-401',
      equipmentClass: 'incubator',
    });
    const other = booked({ ...culture, donorCode: 'D-2', lineCode: 'L2' });
    const f = facts({
      room: INCUBATOR_ROOM,
      equipment: SHARED_INC,
      step: step({
        operationType: 'closed',
        grade: 'D',
        cellCulture: true,
        equipmentClass: 'incubator',
      }),
    });
    expect(checkBooking(culture, [other], f)).toEqual([]);
  });

  it("PRD-04 §9(5)4 refuses the next closed step after a room's performed step without line clearance", () => {
    const ended = booked({
      ...closedCandidate,
      donorCode: 'D-2',
      startsAt: at(2),
      endsAt: at(6),
      completedAt: at(5),
    });
    const later = { ...closedCandidate, startsAt: at(8), endsAt: at(10) };
    const afterEnd = { ...closedFacts, now: at(7) };
    expect(checkBooking(later, [ended], afterEnd)).toEqual([
      expect.objectContaining({ item: 4, message: expect.stringContaining('line clearance') }),
    ]);
    expect(checkBooking(later, [{ ...ended, lineClearanceAt: at(7) }], afterEnd)).toEqual([]);
  });

  it('PRD-04 §9(5)4 needs no clearance after a booking whose step never ran', () => {
    const neverRan = booked({
      ...closedCandidate,
      donorCode: 'D-2',
      startsAt: at(2),
      endsAt: at(6),
    });
    const later = { ...closedCandidate, startsAt: at(8), endsAt: at(10) };
    expect(checkBooking(later, [neverRan], { ...closedFacts, now: at(7) })).toEqual([]);
  });

  it("PRD-04 §9(5)4 frees the room from the step's actual end, not its booked end", () => {
    const early = booked({
      ...closedCandidate,
      donorCode: 'D-2',
      startsAt: at(6),
      endsAt: at(10),
      completedAt: at(7),
      lineClearanceAt: at(7),
    });
    const next = { ...closedCandidate, startsAt: at(8), endsAt: at(9) };
    expect(checkBooking(next, [early], { ...closedFacts, now: at(8) })).toEqual([]);
    const running = { ...early, completedAt: null, lineClearanceAt: null };
    expect(items(checkBooking(next, [running], { ...closedFacts, now: at(8) }))).toEqual([4]);
  });

  it('PRD-04 §9(5)4 books ahead of a step that has not ended yet (checked again at start)', () => {
    const upcoming = booked({
      ...closedCandidate,
      donorCode: 'D-2',
      startsAt: at(2),
      endsAt: at(6),
    });
    const later = { ...closedCandidate, startsAt: at(8), endsAt: at(10) };
    expect(checkBooking(later, [upcoming], closedFacts)).toEqual([]);
  });

  const openCulture = step({
    stepId: 'EXPANSION',
    operationType: 'open',
    grade: 'C',
    cellCulture: true,
    equipmentClass: 'incubator',
  });
  const openCultureCandidate = (overrides: Partial<BookingCandidate> = {}) =>
    candidate({
      stepId: 'EXPANSION',
      roomCode: 'CP1-R04',
      operationType: 'open',
      cellCulture: true,
      equipmentCode: 'INC-402',
      equipmentClass: 'incubator',
      incubatorCompartment: 1,
      ...overrides,
    });

  it('PRD-04 §9(5)6 refuses an open-system culture in a compartment another batch uses', () => {
    const other = booked({ ...openCultureCandidate(), donorCode: 'D-2', roomCode: 'CP1-R04' });
    const v = checkBooking(
      openCultureCandidate(),
      [other],
      facts({ room: INCUBATOR_ROOM, equipment: HONEYCOMB, step: openCulture }),
    );
    expect(items(v)).toContain(6);
  });

  it('PRD-04 §9(5)6 accepts an open-system culture in a free compartment, and refuses one without a compartment', () => {
    const f = facts({ room: INCUBATOR_ROOM, equipment: HONEYCOMB, step: openCulture });
    const other = booked({
      ...openCultureCandidate({ incubatorCompartment: 2 }),
      productCode: 'CART-CD19',
      donorCode: 'D-1',
    });
    expect(checkBooking(openCultureCandidate(), [other], f)).toEqual([]);
    expect(
      items(checkBooking(openCultureCandidate({ incubatorCompartment: null }), [], f)),
    ).toEqual([6]);
  });

  it('PRD-04 §9(5)6 refuses an open-system culture in a shared incubator another batch uses', () => {
    const f = facts({ room: INCUBATOR_ROOM, equipment: SHARED_INC, step: openCulture });
    const c = openCultureCandidate({ equipmentCode: 'INC-401', incubatorCompartment: null });
    const closedCulture = booked({ ...c, donorCode: 'D-1', operationType: 'closed' });
    expect(checkBooking(c, [closedCulture], f)).toEqual([
      expect.objectContaining({ item: 6, message: expect.stringContaining('INC-401 to itself') }),
    ]);
  });

  it('PRD-04 §9(5)7 refuses more concurrent lines in the area than the validated worst case', () => {
    const l2 = booked({ donorCode: 'D-2', roomCode: 'CP1-R02', lineCode: 'L2' });
    const l3 = booked({
      donorCode: 'D-3',
      roomCode: 'CP1-R03',
      lineCode: 'L3',
      operationType: 'closed',
    });
    const v = checkBooking(candidate(), [l2, l3], facts());
    expect(v).toEqual([
      expect.objectContaining({
        item: 7,
        message: expect.stringContaining(
          '3 concurrent lines in area CP-1 exceed the validated worst case of 2',
        ),
      }),
    ]);
  });

  it('PRD-04 §9(5)7 refuses more concurrent isolators in a room than validated', () => {
    const other = booked({
      ...closedCandidate,
      donorCode: 'D-2',
      equipmentCode: 'ISO-302',
      cellCulture: true,
    });
    const f = {
      ...closedFacts,
      worstCase: { maxConcurrentLinesInArea: 4, maxConcurrentIsolatorsInRoom: 1, operators: 2 },
    };
    expect(items(checkBooking({ ...closedCandidate, cellCulture: true }, [other], f))).toEqual([7]);
  });

  it('PRD-04 lists every broken rule at once', () => {
    const other = booked({ productCode: 'CART-BCMA', donorCode: 'D-9', lineCode: 'L2' });
    const v = checkBooking(
      candidate({ positiveMaterial: true }),
      [other],
      facts({
        worstCase: { maxConcurrentLinesInArea: 1, maxConcurrentIsolatorsInRoom: 1, operators: 1 },
      }),
    );
    expect(items(v).sort()).toEqual([1, 2, 7]);
  });
});

describe('requireBookingAllowed (FAC-02, FAC-01, PRD-04)', () => {
  it('FAC-02 refuses a step needing A-in-B in a grade C room', () => {
    expect(() =>
      requireBookingAllowed(
        candidate({ roomCode: 'CP1-R04' }),
        [],
        facts({ room: INCUBATOR_ROOM }),
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'FAC-02',
        message: expect.stringContaining('needs grade A-in-B; room CP1-R04 is grade C'),
      }),
    );
  });

  it('FAC-01 refuses an isolator whose integrity check is overdue at the booking start', () => {
    const overdue = {
      ...ISO,
      equipmentCode: 'ISO-302',
      integrityCheckIntervalDays: 30,
      lastPassedIntegrityCheckAt: '2030-08-01T00:00:00Z',
    };
    expect(() =>
      requireBookingAllowed({ ...closedCandidate, equipmentCode: 'ISO-302' }, [], {
        ...closedFacts,
        equipment: overdue,
      }),
    ).toThrow(expect.objectContaining({ code: 'FAC-01' }));
  });

  it('FAC-01 refuses a booking that starts after the integrity check falls due, not one before', () => {
    const dueMidway = {
      ...ISO,
      integrityCheckIntervalDays: 1,
      lastPassedIntegrityCheckAt: '2031-03-09T06:00:00Z',
    };
    expect(() =>
      requireBookingAllowed(closedCandidate, [], { ...closedFacts, equipment: dueMidway }),
    ).toThrow(expect.objectContaining({ code: 'FAC-01' }));
    const early = { ...closedCandidate, startsAt: at(4), endsAt: at(5) };
    expect(() =>
      requireBookingAllowed(early, [], { ...closedFacts, equipment: dueMidway }),
    ).not.toThrow();
  });

  it('refuses equipment in another room (400) before any scheduling rule', () => {
    expect(() =>
      requireBookingAllowed(candidate({ equipmentCode: 'CS-301' }), [], facts({ equipment: CS })),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('CS-301 is in room CP1-R03, not CP1-R01'),
      }),
    );
  });

  it('PRD-04 throws with every violation listed', () => {
    const other = booked({ productCode: 'CART-BCMA', donorCode: 'D-9' });
    expect(() =>
      requireBookingAllowed(candidate({ positiveMaterial: true }), [other], facts()),
    ).toThrow(
      expect.objectContaining({
        code: 'PRD-04',
        details: {
          violations: [expect.objectContaining({ item: 2 }), expect.objectContaining({ item: 1 })],
        },
      }),
    );
  });
});
