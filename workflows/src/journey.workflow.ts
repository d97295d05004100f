import {
  ApplicationFailure,
  ChildWorkflowHandle,
  allHandlersFinished,
  condition,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import {
  CustodyLeg,
  deviationRaisedSignal,
  institutionStandingSignal,
  isTerminalStage,
  JOURNEY_STEP_NAMES,
  JourneyInput,
  journeyStageQuery,
  JourneyStep,
  journeyStepUpdate,
  journeyTimelineQuery,
  JourneyView,
  journeyViewQuery,
  legReceivedSignal,
  pendingDeadlinesQuery,
  StepCommand,
  stepLegEffect,
  temperatureReadingsSignal,
} from '@v2v/contracts';
import { rejectBatchRecord, requireBatchReleasable, startBatchRecord } from './batch-record-child';
import { custodyLeg } from './custody-leg.workflow';
import { JourneyState } from './journey-state';
import { publishJourneyVisibility } from './journey-visibility';
import { withSlotEffect } from './manufacturing-slot-effects';
import { specifications, STEP_ACTIVITIES, stepActivityInput } from './step-activities';
import { asStepFailure } from './step-failure';

const HOUR_MS = 3_600_000;

/**
 * One patient's vein-to-vein journey, `journey-<donor unique code>`: the stage machine,
 * every business step as an Update, and the custody legs' deadlines as child workflows.
 */
export async function patientJourney(input: JourneyInput): Promise<JourneyView> {
  const { workflowId } = workflowInfo();
  const state = new JourneyState(input, new Date().toISOString());
  const legs = new Map<CustodyLeg, ChildWorkflowHandle<typeof custodyLeg>>();

  const startLeg = async (
    leg: CustodyLeg,
    limit: { maxHours: number; minTemperatureC: number; maxTemperatureC: number },
    startedAt: Date,
    loggerId: string | undefined,
  ) => {
    const { maxHours } = limit;
    const childWorkflowId = `${workflowId}-${leg}-${state.recollections}`;
    // TERMINATE on parent close: a cancelled journey's fate of material in transit is
    // documented by its cancellation record, and no leg outlives the journey that owns it.
    const handle = await startChild(custodyLeg, {
      workflowId: childWorkflowId,
      args: [
        {
          journeyId: workflowId,
          donorCode: input.donorCode,
          leg,
          startedAt: startedAt.toISOString(),
          maxHours,
          temperatureRange: {
            minTemperatureC: limit.minTemperatureC,
            maxTemperatureC: limit.maxTemperatureC,
          },
          knownPositiveMarkers: state.knownPositiveMarkers,
          // GEN-01: the logger the hand-over named; the leg accepts readings from it alone.
          ...(loggerId ? { loggerId } : {}),
        },
      ],
    });
    legs.set(leg, handle);
    state.openLeg({
      childWorkflowId,
      leg,
      dueAt: new Date(startedAt.getTime() + maxHours * HOUR_MS).toISOString(),
    });
  };

  const endLeg = async (leg: CustodyLeg, receivedAt: string) => {
    state.closeLeg(leg);
    await legs.get(leg)?.signal(legReceivedSignal, { receivedAt });
    legs.delete(leg);
  };

  // The step table says what a step does to the custody legs (libs/contracts).
  const afterStep = async (step: JourneyStep, command: StepCommand) => {
    const effect = stepLegEffect(step);
    if (effect?.kind === 'start-leg') {
      // GEN-01: the limit runs from the hand-over itself; a late entry does not extend it, and
      // one already past raises its deviation at once.
      const at = (command.payload as Record<string, string | undefined>)[effect.startsAt];
      await startLeg(
        effect.leg,
        state.specification![effect.limits],
        at ? new Date(at) : new Date(),
        (command.payload as { loggerId?: string }).loggerId,
      );
    }
    if (effect?.kind === 'end-leg') {
      const payload = command.payload as { receivedAt?: string };
      await endLeg(effect.leg, payload.receivedAt!);
    }
    if (effect?.kind === 'start-follow-up')
      state.advance('follow-up', new Date().toISOString(), 'follow-up started');
    if (step === 'startProduction') await startBatchRecord(state, workflowId);
    if (step === 'rejectFailedBatch') await rejectBatchRecord(state, command);
  };

  const runStep = async (step: JourneyStep, command: StepCommand): Promise<JourneyView> => {
    const previous = state.previousResult(command.eventId);
    if (previous) return previous;
    const result = (async () => {
      // A step can arrive before the specification is pinned; it waits rather than fails.
      await condition(() => state.specification !== undefined);
      if (step === 'releaseBatch') await requireBatchReleasable(state);
      await withSlotEffect(step, command, state, workflowId, async () => {
        const record = await callOwningService(step, command, state, workflowId);
        state.apply(step, command, record, new Date().toISOString());
      });
      publishJourneyVisibility(state);
      const stageAfterStep = state.stage;
      await afterStep(step, command);
      if (state.stage !== stageAfterStep) publishJourneyVisibility(state);
      const view = state.view();
      state.remember(command.eventId, view);
      return view;
    })();
    state.begin(command.eventId, result);
    try {
      return await result;
    } finally {
      state.end(command.eventId);
    }
  };

  // Handlers first: updates and signals can arrive before the body below runs.
  for (const step of JOURNEY_STEP_NAMES) {
    setHandler(journeyStepUpdate(step), (command) => runStep(step, command), {
      validator: (command) => {
        const refusal = state.refusal(step, command);
        if (refusal)
          throw ApplicationFailure.create({
            type: refusal.reasonCode,
            message: refusal.message,
            nonRetryable: true,
          });
      },
    });
  }
  setHandler(journeyViewQuery, () => state.view());
  setHandler(journeyStageQuery, () => state.stage);
  setHandler(journeyTimelineQuery, () => state.timeline);
  setHandler(pendingDeadlinesQuery, () => state.pendingDeadlines);
  // Journeys started before donor-intake signalled the open leg directly (legTelemetrySignal)
  // were sent every upload; kept so that their histories replay.
  setHandler(temperatureReadingsSignal, async (readings) => {
    await legs.get(readings.leg)?.signal(temperatureReadingsSignal, readings);
  });
  setHandler(deviationRaisedSignal, (notice) => {
    state.recordDeviation(notice);
    publishJourneyVisibility(state);
  });
  setHandler(institutionStandingSignal, (notice) => state.recordInstitutionNotice(notice));

  // GEN-03: the journey keeps the specification version it started with.
  state.specification = await specifications.getProductSpecification({
    productCode: input.order.productCode,
    version: input.productSpecificationVersion,
  });
  publishJourneyVisibility(state);

  await condition(() => isTerminalStage(state.stage));
  await condition(allHandlersFinished);
  await state.settled();
  return state.view();
}

async function callOwningService(
  step: JourneyStep,
  command: StepCommand,
  state: JourneyState,
  journeyId: string,
) {
  try {
    return await STEP_ACTIVITIES[step](stepActivityInput(step, command, state, journeyId));
  } catch (error) {
    throw asStepFailure(error);
  }
}
