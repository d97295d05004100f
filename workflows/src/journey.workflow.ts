import {
  ApplicationFailure,
  ChildWorkflowHandle,
  allHandlersFinished,
  condition,
  patched,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type {
  CustodyLeg,
  CustodyLegLimits,
  JourneyInput,
  JourneyStep,
  JourneyView,
  ReleaseGateStanding,
  StepCommand,
} from '@v2v/contracts';
import {
  custodyLegLimits,
  deviationRaisedSignal,
  institutionStandingSignal,
  isTerminalStage,
  JOURNEY_STEP_NAMES,
  journeyStageQuery,
  journeyStatusQuery,
  journeyStepUpdate,
  journeyTimelineQuery,
  journeyViewQuery,
  legReceivedSignal,
  pendingDeadlinesQuery,
  recallNoticeSignal,
  releaseGatesSummarySignal,
  releaseVoidedSignal,
  stepBatchRecordEffect,
  stepLegEffects,
  stepRefusalQuery,
  stepReleaseEffect,
  temperatureReadingsSignal,
} from '@v2v/contracts/workflow';
import { rejectBatchRecord, startBatchRecord } from './batch-record-child';
import {
  gateRelease,
  productShipped,
  RELEASE_GATES_ON_DEVIATION_PATCH,
  releaseGatesChanged,
  releaseRecorded,
  requireReleaseStands,
  startBatchRelease,
} from './batch-release-child';
import { custodyLeg } from './custody-leg.workflow';
import { FOLLOW_UP_PERIOD_PATCH, startFollowUpPeriod } from './follow-up-period';
import { JourneyState } from './journey-state';
import { publishJourneyVisibility } from './journey-visibility';
import { withSlotEffect } from './manufacturing-slot-effects';
import { specifications, STEP_ACTIVITIES, stepActivityInput } from './step-activities';
import { asStepFailure, refusalDeviations } from './step-failure';

/** Journeys before it recorded no deviation of a refused step. */
const REFUSAL_DEVIATIONS_PATCH = 'refusal-deviations';

const HOUR_MS = 3_600_000;
/** QA-04: the journey records recall notices and refuses what a recall forbids. */
const RECALL_NOTICE_PATCH = 'recall-notice';
/**
 * GEN-01, OTH-01: journeys received at the site before it opened no site storage leg; they
 * infuse without a recorded thaw, as they were recorded.
 */
const SITE_LEGS_PATCH = 'site-legs';
const SITE_LEGS: readonly CustodyLeg[] = ['site-storage', 'thaw-to-infusion'];

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
    { maxHours, temperatureRange, excursionBudget }: CustodyLegLimits,
    startedAt: Date,
    loggerId: string | undefined,
  ) => {
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
          ...(temperatureRange ? { temperatureRange } : {}),
          knownPositiveMarkers: state.knownPositiveMarkers,
          // GEN-01: the logger the hand-over named; the leg accepts readings from it alone.
          ...(loggerId ? { loggerId } : {}),
          // QA-04: the budget the leg judges its time out of range against.
          ...(excursionBudget ? { excursionBudget } : {}),
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
  const afterStep = async (
    step: JourneyStep,
    command: StepCommand,
    releaseGates: ReleaseGateStanding | undefined,
  ) => {
    const payload = command.payload as Record<string, string | undefined>;
    for (const effect of stepLegEffects(step)) {
      if (effect.kind === 'start-leg') {
        const limits = custodyLegLimits(state.specification!, effect.limits);
        if (SITE_LEGS.includes(effect.leg) && !(limits && patched(SITE_LEGS_PATCH))) continue;
        // GEN-01: the limit runs from the event itself; a late entry does not extend it, and
        // one already past raises its deviation at once.
        const at = payload[effect.startsAt];
        await startLeg(effect.leg, limits!, at ? new Date(at) : new Date(), payload.loggerId);
      }
      // A leg the journey never opened (received before the site legs) has nothing to end.
      if (effect.kind === 'end-leg') await endLeg(effect.leg, payload[effect.endsAt]!);
      if (effect.kind === 'start-follow-up') {
        if (patched(FOLLOW_UP_PERIOD_PATCH)) startFollowUpPeriod(state, command);
        else state.advance('follow-up', new Date().toISOString(), 'follow-up started');
      }
    }
    const batchRecordEffect = stepBatchRecordEffect(step);
    if (batchRecordEffect?.kind === 'start') await startBatchRecord(state, workflowId);
    if (batchRecordEffect?.kind === 'reject') await rejectBatchRecord(state, command);
    const releaseEffect = stepReleaseEffect(step);
    if (releaseEffect?.kind === 'start-release') await startBatchRelease(state, workflowId);
    if (releaseEffect?.kind === 'release' && releaseGates)
      await releaseRecorded(state, releaseGates);
    if (releaseEffect?.kind === 'ship') await productShipped(state);
    if (releaseEffect?.kind === 'gates-changed')
      await releaseGatesChanged(state, `${step} recorded`);
  };

  // The step table says what a step does to the batch's release before it is recorded.
  const beforeStep = async (step: JourneyStep): Promise<ReleaseGateStanding | undefined> => {
    const releaseEffect = stepReleaseEffect(step);
    if (releaseEffect?.kind === 'release') return gateRelease(state, workflowId);
    if (releaseEffect?.kind === 'ship') await requireReleaseStands(state, workflowId);
    return undefined;
  };

  const runStep = async (step: JourneyStep, command: StepCommand): Promise<JourneyView> => {
    const previous = state.previousResult(command.eventId);
    if (previous) return previous;
    const result = (async () => {
      // A step can arrive before the specification is pinned; it waits rather than fails.
      await condition(() => state.specification !== undefined);
      const releaseGates = await beforeStep(step);
      await withSlotEffect(step, command, state, workflowId, async () => {
        const record = await callOwningService(step, command, state, workflowId, releaseGates);
        state.apply(step, command, record, new Date().toISOString());
      });
      publishJourneyVisibility(state);
      const stageAfterStep = state.stage;
      await afterStep(step, command, releaseGates);
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
  setHandler(stepRefusalQuery, (step, command) => state.refusal(step, command) ?? null);
  setHandler(journeyStageQuery, () => state.stage);
  setHandler(journeyTimelineQuery, () => state.timeline);
  setHandler(pendingDeadlinesQuery, () => state.pendingDeadlines);
  setHandler(journeyStatusQuery, () => ({
    view: state.view(),
    timeline: state.timeline,
    pendingDeadlines: state.pendingDeadlines,
  }));
  // Journeys started before donor-intake signalled the open leg directly (legTelemetrySignal)
  // were sent every upload; kept so that their histories replay.
  setHandler(temperatureReadingsSignal, async (readings) => {
    await legs.get(readings.leg)?.signal(temperatureReadingsSignal, readings);
  });
  setHandler(deviationRaisedSignal, async (notice) => {
    state.recordDeviation(notice);
    publishJourneyVisibility(state);
    // QA-02.3: a deviation raised once production completed (an EM result read days later)
    // opens a gate a recorded release may cover; the child judges it at once.
    if (patched(RELEASE_GATES_ON_DEVIATION_PATCH))
      await releaseGatesChanged(state, `deviation ${notice.deviationId} raised`);
  });
  setHandler(institutionStandingSignal, (notice) => state.recordInstitutionNotice(notice));
  // QA-04: journeys started before recalls existed never received this signal; the marker
  // keeps a later change of what a recall does distinguishable in their histories.
  setHandler(recallNoticeSignal, (notice) => {
    if (patched(RECALL_NOTICE_PATCH)) state.recordRecall(notice);
  });
  setHandler(releaseGatesSummarySignal, (summary) => {
    state.releaseGates = summary;
  });
  setHandler(releaseVoidedSignal, ({ reason }) => {
    state.voidRelease(reason, new Date().toISOString());
    publishJourneyVisibility(state);
  });

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
  releaseGates: ReleaseGateStanding | undefined,
) {
  const input = stepActivityInput(step, command, state, journeyId);
  try {
    return await STEP_ACTIVITIES[step](releaseGates ? { ...input, releaseGates } : input);
  } catch (error) {
    const failure = asStepFailure(error);
    // QA-04: a refused bedside check raised its deviation in the service; the journey records
    // it although the step is refused.
    const deviations = refusalDeviations(failure);
    if (deviations.length && patched(REFUSAL_DEVIATIONS_PATCH)) {
      for (const deviation of deviations) state.recordDeviation(deviation);
      publishJourneyVisibility(state);
    }
    throw failure;
  }
}
