import { DomainError } from '@v2v/contracts';
import type { ProductionShift } from '../facility/facility';
import {
  batchSizeOf,
  type BookingFor,
  type RecordedStep,
  requireBookingForStep,
  requireLotOfMaterial,
  requireNextStep,
  requireOperatorsWithinWorstCase,
  requirePlausibleStepTimes,
  requireStepInProgress,
  requireTransferDeparture,
  requireWithinShift,
  stepLabels,
} from './batch-step-rules';

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'allowed';
};

const steps = [{ stepId: 'SELECTION' }, { stepId: 'ACTIVATION' }, { stepId: 'FILL' }];
const started = (stepIndex: number): RecordedStep => ({
  stepIndex,
  stepId: steps[stepIndex].stepId,
  kind: 'start',
});
const completed = (stepIndex: number): RecordedStep => ({
  ...started(stepIndex),
  kind: 'completion',
});

describe('PRD-01 steps in order', () => {
  const next = (recorded: RecordedStep[], stepIndex: number, stepId = steps[stepIndex]?.stepId) =>
    refusal(() => requireNextStep('B-1', steps, recorded, { stepIndex, stepId }));

  it('PRD-01 starts the first step, then each next one after the previous is completed', () => {
    expect(next([], 0)).toBe('allowed');
    expect(next([started(0), completed(0)], 1)).toBe('allowed');
  });

  it('PRD-01 refuses a step out of order, one in progress, a repeat and a wrong step id', () => {
    expect(next([], 1)).toBe('PRD-01');
    expect(next([started(0)], 1)).toBe('PRD-01');
    expect(next([started(0), completed(0)], 0)).toBe('PRD-01');
    expect(next([], 0, 'FILL')).toBe('PRD-01');
    const all = [0, 1, 2].flatMap((i) => [started(i), completed(i)]);
    expect(next(all, 2)).toBe('PRD-01');
  });

  it('PRD-01 completes only a step in progress', () => {
    const done = (recorded: RecordedStep[], stepIndex: number) =>
      refusal(() =>
        requireStepInProgress('B-1', recorded, { stepIndex, stepId: steps[stepIndex].stepId }),
      );
    expect(done([started(0)], 0)).toBe('allowed');
    expect(done([], 0)).toBe('PRD-01');
    expect(done([started(0), completed(0)], 0)).toBe('PRD-01');
  });

  it('PRD-01 takes the batch size from the cell-count parameter, a positive whole number', () => {
    const values = (value: number) => [{ parameterId: 'TVC', value }];
    expect(batchSizeOf('TVC', values(2e8))).toBe(2e8);
    expect(refusal(() => batchSizeOf('TVC', values(2.5)))).toBe('PRD-01');
    expect(refusal(() => batchSizeOf('TVC', values(0)))).toBe('PRD-01');
    expect(refusal(() => batchSizeOf('TVC', []))).toBe('PRD-01');
  });
});

describe('PRD-04 the booking a step runs on', () => {
  const booking: BookingFor = {
    bookingId: 'b-1',
    status: 'booked',
    donorCode: 'D-1',
    productCode: 'CART-CD19',
    processVersion: 1,
    stepId: 'FILL',
    positiveMaterial: false,
  };
  const batch = {
    donorCode: 'D-1',
    productCode: 'CART-CD19',
    processVersion: 1,
    stepId: 'FILL',
    knownPositiveMarkers: [] as string[],
  };
  const check = (b: BookingFor | undefined, markers: string[] = []) =>
    refusal(() => requireBookingForStep(b, { ...batch, knownPositiveMarkers: markers }));

  it('PRD-04 accepts the booking made for this batch and step', () => {
    expect(check(booking)).toBe('allowed');
  });

  it("PRD-04 refuses another donor's, step's or version's booking, and one no longer booked", () => {
    expect(check(undefined)).toBe('PRD-04');
    expect(check({ ...booking, donorCode: 'D-2' })).toBe('PRD-04');
    expect(check({ ...booking, stepId: 'SELECTION' })).toBe('PRD-04');
    expect(check({ ...booking, processVersion: 2 })).toBe('PRD-04');
    expect(check({ ...booking, status: 'cancelled' })).toBe('PRD-04');
  });

  it('PRD-04 §9(5)1 refuses positive material on a booking not for it, and the reverse', () => {
    expect(check(booking, ['HBsAg'])).toBe('PRD-04');
    expect(check({ ...booking, positiveMaterial: true })).toBe('PRD-04');
    expect(check({ ...booking, positiveMaterial: true }, ['HBsAg'])).toBe('allowed');
  });
});

describe('PRD-02 the shift of the step', () => {
  const shift = (startsAt: string, endsAt: string): ProductionShift => ({
    shiftCode: 'S',
    name: 'S',
    startsAt,
    endsAt,
    active: true,
  });
  const at = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00Z`);

  it('PRD-02 accepts a start within the shift, a night shift running past midnight', () => {
    expect(refusal(() => requireWithinShift(shift('08:00', '16:00'), at('08:00')))).toBe('allowed');
    expect(refusal(() => requireWithinShift(shift('16:00', '00:00'), at('23:59')))).toBe('allowed');
    expect(refusal(() => requireWithinShift(shift('22:00', '06:00'), at('05:30')))).toBe('allowed');
  });

  it('PRD-02 refuses a start outside the shift, or on a retired shift', () => {
    expect(refusal(() => requireWithinShift(shift('08:00', '16:00'), at('16:00')))).toBe('PRD-02');
    expect(refusal(() => requireWithinShift(shift('16:00', '00:00'), at('00:10')))).toBe('PRD-02');
    const retired = { ...shift('08:00', '16:00'), active: false };
    expect(refusal(() => requireWithinShift(retired, at('09:00')))).toBe('PRD-02');
  });
});

describe('PRD-06 labels the system generates', () => {
  it('PRD-06 generates one label per container filled, its content naming donor, batch, step, n', () => {
    const labels = stepLabels({
      donorCode: 'D-1',
      batchNumber: 'B-2026-000001',
      stepId: 'FILL',
      afterFilling: ['infusion bag', 'retention bag'],
    });
    expect(labels).toEqual([
      {
        labelId: 'B-2026-000001-FILL-1',
        stepId: 'FILL',
        container: 'infusion bag',
        content: 'D-1|B-2026-000001|FILL|1',
      },
      {
        labelId: 'B-2026-000001-FILL-2',
        stepId: 'FILL',
        container: 'retention bag',
        content: 'D-1|B-2026-000001|FILL|2',
      },
    ]);
  });
});

describe('PRD-08 transfers and lots', () => {
  const transferOut = { maxMinutes: 30, minTemperatureC: 2, maxTemperatureC: 8 };
  const end = '2026-12-01T10:00:00Z';

  it('PRD-08 requires the departure of a transfer out, not before the step ended', () => {
    const step = { stepId: 'FILL', transferOut };
    expect(refusal(() => requireTransferDeparture(step, undefined, end))).toBe('PRD-08');
    expect(refusal(() => requireTransferDeparture(step, '2026-12-01T09:00:00Z', end))).toBe(
      'PRD-08',
    );
    expect(refusal(() => requireTransferDeparture(step, end, end))).toBe('allowed');
    const noTransfer = { stepId: 'FILL', transferOut: null };
    expect(refusal(() => requireTransferDeparture(noTransfer, undefined, end))).toBe('allowed');
  });

  it('PRD-08 refuses a lot of another material than the consumable it is recorded for', () => {
    const use = { materialCode: 'IL2-RH', lotId: 'KML-1' };
    expect(refusal(() => requireLotOfMaterial(use, 'SERUM-HAB'))).toBe('PRD-08');
    expect(refusal(() => requireLotOfMaterial(use, 'IL2-RH'))).toBe('allowed');
  });
});

describe('PRD-03 the validated worst case of operators in the room', () => {
  const worstCase = { maxConcurrentLinesInArea: 2, maxConcurrentIsolatorsInRoom: 1, operators: 3 };
  const check = (
    inRoom: string[],
    operators: string[],
    worst: typeof worstCase | null = worstCase,
  ) =>
    requireOperatorsWithinWorstCase({
      roomCode: 'CP1-R01',
      process: { productCode: 'CART-CD19', processVersion: 2 },
      inRoom,
      operators,
      worstCase: worst,
    });

  it('PRD-03 refuses a step that brings the room beyond the validated operators, naming them', () => {
    expect(() => check(['op.li', 'op.zhao'], ['op.wang', 'op.chen'])).toThrow(
      '4 operators would work in room CP1-R01 at once (op.li, op.zhao, op.wang, op.chen); the validated worst case of process CART-CD19 v2 covers 3 (PRD-03)',
    );
    expect(refusal(() => check(['op.li', 'op.zhao'], ['op.wang', 'op.chen']))).toBe('PRD-03');
  });

  it('PRD-03 counts each person once and allows the worst case itself', () => {
    expect(refusal(() => check(['op.li', 'op.zhao', 'op.li'], ['op.wang', 'op.zhao']))).toBe(
      'allowed',
    );
    expect(refusal(() => check([], ['op.wang']))).toBe('allowed');
  });

  it('PRD-03 sets no limit where the version has no worst case (a process-validation batch)', () => {
    expect(refusal(() => check(['a', 'b', 'c'], ['d', 'e'], null))).toBe('allowed');
  });
});

describe('the times of a batch step where it is written (GEN-01)', () => {
  const acceptedAt = '2026-12-01T10:00:00.000Z';
  const step = (payload: unknown) => ({ batchNumber: 'B-1', stepId: 'FILL', payload });
  const thrown = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e as DomainError;
    }
  };

  it('GEN-01 refuses a start and an arrival three days after the update was accepted, naming both', () => {
    const ahead = '2026-12-04T10:00:00.000Z';
    const start = step({ startedAt: ahead, transferArrival: { arrivedAt: ahead } });
    const error = thrown(() => requirePlausibleStepTimes('start', start, acceptedAt));
    expect(error?.code).toBe('VALIDATION_FAILED');
    expect(error?.message).toBe(
      `the start of step FILL of batch B-1 is invalid: startedAt: implausible instant: ${ahead} is more than 5 minutes after receipt (${acceptedAt}) (GEN-01); transferArrival.arrivedAt: implausible instant: ${ahead} is more than 5 minutes after receipt (${acceptedAt}) (GEN-01)`,
    );
  });

  it('GEN-01 refuses a completion whose waste inactivation or departure lies ahead, or before 2000', () => {
    const check = (payload: object) => () =>
      requirePlausibleStepTimes(
        'completion',
        step({ endedAt: '2026-12-01T09:55:00.000Z', ...payload }),
        acceptedAt,
      );
    expect(refusal(check({}))).toBe('allowed');
    const later = '2026-12-01T11:00:00.000Z';
    expect(refusal(check({ wasteInactivation: { completedAt: later } }))).toBe('VALIDATION_FAILED');
    expect(refusal(check({ transferDepartedAt: later }))).toBe('VALIDATION_FAILED');
    expect(refusal(check({ endedAt: '1999-12-31T23:00:00.000Z' }))).toBe('VALIDATION_FAILED');
  });

  it('GEN-01 judges against the acceptance, not the clock: a retry years later judges as at first', () => {
    const acceptedIn2020 = '2020-06-01T10:00:00.000Z';
    const start = (startedAt: string) => () =>
      requirePlausibleStepTimes('start', step({ startedAt }), acceptedIn2020);
    expect(refusal(start('2020-06-01T10:04:00.000Z'))).toBe('allowed');
    expect(refusal(start('2020-06-03T10:00:00.000Z'))).toBe('VALIDATION_FAILED');
  });
});
