import { patched, proxyActivities } from '@temporalio/workflow';
import type {
  JourneyStep,
  ManufacturingSlot,
  ProductionActivities,
  StepCommand,
} from '@v2v/contracts';
import { stepSlotEffect, TASK_QUEUES } from '@v2v/contracts/workflow';
import { DURABLE_ACTIVITY } from './activity-options';
import type { JourneyState } from './journey-state';
import { production } from './step-activities';
import { asStepFailure } from './step-failure';

/** Journeys older than manufacturing slots took their steps without them. */
export const MANUFACTURING_SLOTS_PATCH = 'manufacturing-slots';

// The hold is part of the step the person waits on (production's step budget); confirming and
// releasing follow a step already recorded, so they are retried through any outage until done.
const durable = proxyActivities<
  Pick<ProductionActivities, 'confirmManufacturingSlot' | 'releaseManufacturingSlot'>
>({ ...DURABLE_ACTIVITY, taskQueue: TASK_QUEUES.production });

interface SlotPayload {
  collectionDate?: string;
  manufacturingSlot?: string;
  reason?: string;
}

/**
 * Runs `record` (the owning service's step, applied to the journey) inside the step's
 * manufacturing-slot effect (the table in `JOURNEY_STEP_RECORDS`). A step that books holds a
 * slot first, so a full calendar refuses the step itself, then confirms it once the step is
 * recorded (the journey's previous slot is released as rebooked), or releases the hold if the
 * step failed. A step that releases frees the journey's slot after it is recorded. Releases are
 * tracked by the state, and the journey does not end before they are done.
 */
export async function withSlotEffect<R>(
  step: JourneyStep,
  command: StepCommand,
  state: JourneyState,
  journeyId: string,
  record: () => Promise<R>,
): Promise<R> {
  const effect = stepSlotEffect(step);
  if (!effect || !patched(MANUFACTURING_SLOTS_PATCH)) return record();
  const context = () => ({
    journeyId,
    donorCode: state.input.donorCode,
    actor: command.actor,
    occurredAt: new Date().toISOString(),
  });
  if (effect.kind === 'release') {
    const result = await record();
    state.track(releaseSlot(state, { ...context(), reason: releaseReason(step, command) }));
    return result;
  }
  const payload = command.payload as SlotPayload;
  const hold = await production
    .holdManufacturingSlot({
      ...context(),
      eventId: `${command.eventId}-manufacturing-slot`,
      productCode: state.input.order.productCode,
      specificationVersion: state.specification!.version,
      knownPositiveMarkers: [...state.knownPositiveMarkers],
      ...(effect.from === 'collection-date' ? { collectionDate: payload.collectionDate } : {}),
      ...(payload.manufacturingSlot ? { preferredStartOn: payload.manufacturingSlot } : {}),
      reason: bookingReason(step, payload, state),
    })
    .catch((error: unknown) => {
      throw asStepFailure(error);
    });
  let result: R;
  try {
    result = await record();
  } catch (error) {
    const reason = `${step} was not recorded: ${(error as Error).message}`;
    state.track(
      releaseSlot(state, { ...context(), slotId: hold.slotId, reason }, { onTimeline: false }),
    );
    throw error;
  }
  const booked = await durable.confirmManufacturingSlot({ ...context(), slotId: hold.slotId });
  state.bookSlot(booked, new Date().toISOString());
  return result;
}

/** A hold dropped after a refused step is not the journey's slot: it stays off the timeline. */
async function releaseSlot(
  state: JourneyState,
  input: Parameters<typeof durable.releaseManufacturingSlot>[0],
  { onTimeline } = { onTimeline: true },
): Promise<void> {
  try {
    const released: ManufacturingSlot | null = await durable.releaseManufacturingSlot(input);
    if (released && onTimeline) state.releaseSlot(released, new Date().toISOString());
  } catch (error) {
    state.note(
      `manufacturing slot not released (${input.reason}): ${(error as Error).message}`,
      new Date().toISOString(),
    );
  }
}

function bookingReason(step: JourneyStep, payload: SlotPayload, state: JourneyState): string {
  if (step === 'postponeCollection')
    return `collection postponed to ${payload.collectionDate}: ${payload.reason}`;
  if (step === 'remanufactureBatch')
    return `re-manufacture from retained donor material: ${payload.reason}`;
  const recollection = state.stage === 'material-rejected' || state.stage === 'batch-rejected';
  return `${recollection ? 'recollection' : 'collection'} scheduled for ${payload.collectionDate}`;
}

function releaseReason(step: JourneyStep, command: StepCommand): string {
  const { reason } = command.payload as SlotPayload;
  const what = {
    rejectMaterial: 'donor material rejected',
    rejectFailedBatch: 'batch rejected',
    cancelJourney: 'journey cancelled',
  }[step as string];
  return `${what ?? step}${reason ? `: ${reason}` : ''}`;
}
