import { DomainError, implausibleInstantMessage, instantImplausibility } from '@v2v/contracts';
import type { BatchLabel, ValidatedWorstCase } from '@v2v/contracts';
import type { ProductionShift } from '../facility/facility';

/*
 * The batch record's rules for taking a step (§9(5), (7)), pure functions of the batch, its
 * definition and what is on record: the order of the steps, the booking a step runs on, the
 * shift it runs in, the people in the room, the labels it generates and the batch size it ends
 * with.
 */

/** A step of the batch as its start and completion rows record it. */
export interface RecordedStep {
  stepIndex: number;
  stepId: string;
  kind: 'start' | 'completion';
}

/**
 * PRD-01: a batch is one run of its process, so its steps are taken in the definition's order,
 * one at a time: a step starts when every step before it is completed and none is in progress.
 */
export function requireNextStep(
  batchNumber: string,
  steps: ReadonlyArray<{ stepId: string }>,
  recorded: readonly RecordedStep[],
  requested: { stepIndex: number; stepId: string },
): void {
  const completed = recorded.filter((r) => r.kind === 'completion').length;
  const started = recorded.filter((r) => r.kind === 'start').length;
  const refuse = (why: string) => {
    throw new DomainError(
      'PRD-01',
      `batch ${batchNumber} cannot start step ${requested.stepId} (#${requested.stepIndex}): ${why}; steps are taken in order (PRD-01)`,
      { batchNumber, stepId: requested.stepId, stepIndex: requested.stepIndex },
    );
  };
  if (steps[requested.stepIndex]?.stepId !== requested.stepId)
    refuse(
      `step #${requested.stepIndex} of the process is ${steps[requested.stepIndex]?.stepId ?? 'none'}`,
    );
  if (started > completed) refuse(`step ${steps[completed]?.stepId} is in progress`);
  if (completed >= steps.length) refuse('every step of the batch is completed');
  if (requested.stepIndex !== completed)
    refuse(`the next step is ${steps[completed].stepId} (#${completed})`);
}

/** PRD-01: a step is completed once, after its own start; returns the start. */
export function requireStepInProgress<R extends RecordedStep>(
  batchNumber: string,
  recorded: readonly R[],
  requested: { stepIndex: number; stepId: string },
): R {
  const mine = recorded.filter((r) => r.stepIndex === requested.stepIndex);
  const started = mine.find((r) => r.kind === 'start' && r.stepId === requested.stepId);
  const completed = mine.some((r) => r.kind === 'completion');
  if (!started || completed)
    throw new DomainError(
      'PRD-01',
      `step ${requested.stepId} of batch ${batchNumber} is ${completed ? 'already completed' : 'not started'}; steps are taken in order (PRD-01)`,
      { batchNumber, stepId: requested.stepId },
    );
  return started;
}

/** What a booking says about whom and what it is for. */
export interface BookingFor {
  bookingId: string;
  status: string;
  donorCode: string;
  productCode: string;
  processVersion: number;
  stepId: string;
  positiveMaterial: boolean;
}

/**
 * PRD-04: a step runs on the booking of the production calendar made for it — booked, for this
 * donor's batch, product, process version and step — and (§9(5)1) material with a positive
 * marker runs only on a booking for positive material, material without one only on another.
 */
export function requireBookingForStep(
  booking: BookingFor | undefined,
  batch: {
    donorCode: string;
    productCode: string;
    processVersion: number;
    stepId: string;
    knownPositiveMarkers: readonly string[];
  },
): asserts booking is BookingFor {
  const mismatches = !booking
    ? ['no such booking']
    : [
        booking.status !== 'booked' && `it is ${booking.status}`,
        booking.donorCode !== batch.donorCode && `it is for donor ${booking.donorCode}`,
        booking.productCode !== batch.productCode && `it is for product ${booking.productCode}`,
        booking.processVersion !== batch.processVersion &&
          `it is for process v${booking.processVersion}`,
        booking.stepId !== batch.stepId && `it is for step ${booking.stepId}`,
        booking.positiveMaterial !== batch.knownPositiveMarkers.length > 0 &&
          (booking.positiveMaterial
            ? 'it is for positive material and the donor has no positive marker'
            : `it is not for positive material and the donor is positive for ${batch.knownPositiveMarkers.join(', ')}`),
      ].filter((m): m is string => typeof m === 'string');
  if (mismatches.length)
    throw new DomainError(
      'PRD-04',
      `step ${batch.stepId} of ${batch.donorCode} cannot run on booking ${booking?.bookingId ?? '(unknown)'}: ${mismatches.join('; ')} (PRD-04)`,
      { donorCode: batch.donorCode, stepId: batch.stepId, mismatches },
    );
}

const minuteOfDay = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/**
 * PRD-02: the media fill that qualifies the work is the shift's, so the step starts within the
 * shift's hours (UTC times of day; a shift ending at or before its start ends the next day).
 */
export function requireWithinShift(shift: ProductionShift, startedAt: Date): void {
  const minute = startedAt.getUTCHours() * 60 + startedAt.getUTCMinutes();
  const from = minuteOfDay(shift.startsAt);
  const to = minuteOfDay(shift.endsAt);
  const within = from < to ? minute >= from && minute < to : minute >= from || minute < to;
  if (!within || !shift.active)
    throw new DomainError(
      'PRD-02',
      `the step starts at ${startedAt.toISOString()}, ${shift.active ? 'outside' : 'on retired'} shift ${shift.shiftCode} (${shift.startsAt}–${shift.endsAt} UTC): work on the shift whose media fill qualifies it (PRD-02)`,
      { shiftCode: shift.shiftCode, startedAt: startedAt.toISOString() },
    );
}

/**
 * PRD-06: the system generates one label per container filled by the step; its Data Matrix
 * encodes donor code, batch number, step and the container's number, so a scan of another
 * batch's or another step's label cannot confirm it.
 */
export function stepLabels(input: {
  donorCode: string;
  batchNumber: string;
  stepId: string;
  afterFilling: readonly string[];
}): BatchLabel[] {
  return input.afterFilling.map((container, i) => ({
    labelId: `${input.batchNumber}-${input.stepId}-${i + 1}`,
    stepId: input.stepId,
    container,
    content: `${input.donorCode}|${input.batchNumber}|${input.stepId}|${i + 1}`,
  }));
}

/** PRD-08 (§9(10)): a step with a transfer out records when the material left. */
export function requireTransferDeparture(
  step: { stepId: string; transferOut: unknown },
  departedAt: string | undefined,
  endedAt: string,
): void {
  if (!step.transferOut) return;
  if (!departedAt || Date.parse(departedAt) < Date.parse(endedAt))
    throw new DomainError(
      'PRD-08',
      `step ${step.stepId} ends with an in-process transfer: record when the material left, at or after the step's end (PRD-08)`,
      { stepId: step.stepId },
    );
}

/**
 * PRD-01: the batch size is the total cell count, the value of the definition's cell-count
 * parameter recorded by the last step; it must be a positive whole number of cells.
 */
export function batchSizeOf(
  cellCountParameter: string,
  values: ReadonlyArray<{ parameterId: string; value: number }>,
): number {
  const value = values.find((v) => v.parameterId === cellCountParameter)?.value;
  if (value === undefined || !Number.isSafeInteger(value) || value <= 0)
    throw new DomainError(
      'PRD-01',
      `the last step records the batch size as ${cellCountParameter}, a positive whole number of cells (got ${value ?? 'nothing'}) (PRD-01)`,
      { cellCountParameter },
    );
  return value;
}

/** PRD-08 (§9(9)): a consumable is recorded by a lot of that material. */
export function requireLotOfMaterial(
  consumable: { materialCode: string; lotId: string },
  lotMaterialCode: string,
): void {
  if (consumable.materialCode !== lotMaterialCode)
    throw new DomainError(
      'PRD-08',
      `lot ${consumable.lotId} is a lot of ${lotMaterialCode}, not ${consumable.materialCode} (PRD-08)`,
      { lotId: consumable.lotId, materialCode: consumable.materialCode },
    );
}

/**
 * PRD-03 (§9(3)2): the validation of an autologous process covered a worst case, the operators
 * among its conditions; the people at work in the room at once (those of steps started there and
 * not completed, and this step's) may not exceed it. The rule is PRD-03's, not PRD-04's: §9(3)2
 * names the operators as a condition the process validation covers, while §9(5) schedules
 * rooms and sets no number of people; beyond the worst case the batch runs outside what the
 * validation covered. A version without a worst case (a process-validation batch, which
 * establishes it) sets no limit.
 */
export function requireOperatorsWithinWorstCase(input: {
  roomCode: string;
  process: { productCode: string; processVersion: number };
  inRoom: readonly string[];
  operators: readonly string[];
  worstCase: ValidatedWorstCase | null;
}): void {
  if (!input.worstCase) return;
  const people = [...new Set([...input.inRoom, ...input.operators])];
  const covered = input.worstCase.operators;
  if (people.length > covered)
    throw new DomainError(
      'PRD-03',
      `${people.length} operators would work in room ${input.roomCode} at once (${people.join(', ')}); the validated worst case of process ${input.process.productCode} v${input.process.processVersion} covers ${covered} (PRD-03)`,
      { roomCode: input.roomCode, operators: people, validatedOperators: covered },
    );
}

/** The times an operator gives for a step, by the update that carries them. */
const BATCH_STEP_TIMES: Record<RecordedStep['kind'], readonly string[]> = {
  start: ['startedAt', 'transferArrival.arrivedAt'],
  completion: ['endedAt', 'wasteInactivation.completedAt', 'transferDepartedAt'],
};

/**
 * GEN-01 where a batch step is written: every time the operator gave is plausible against the
 * moment the batch record accepted the update (`acceptedAt`, the workflow's `occurredAt`), as
 * the gateway judged it on receipt. A forged update sent straight to Temporal is refused; a
 * retried activity is judged as its first attempt was. Only the times: the rest of the payload
 * is judged by the step's own rules.
 */
export function requirePlausibleStepTimes(
  kind: RecordedStep['kind'],
  step: { batchNumber: string; stepId: string; payload: unknown },
  acceptedAt: string,
): void {
  const fieldErrors = BATCH_STEP_TIMES[kind].flatMap((path) => {
    const value = path
      .split('.')
      .reduce<unknown>(
        (node, key) => (node as Record<string, unknown> | undefined)?.[key],
        step.payload,
      );
    const why =
      typeof value === 'string'
        ? instantImplausibility(value, { receivedAt: Date.parse(acceptedAt) })
        : undefined;
    return why ? [{ path, message: implausibleInstantMessage(why) }] : [];
  });
  if (fieldErrors.length === 0) return;
  throw new DomainError(
    'VALIDATION_FAILED',
    `the ${kind} of step ${step.stepId} of batch ${step.batchNumber} is invalid: ${fieldErrors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    { fieldErrors },
  );
}
