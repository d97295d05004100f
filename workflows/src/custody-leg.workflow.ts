import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type {
  CustodyLegInput,
  CustodyLegResult,
  DeviationNotice,
  DonorIntakeActivities,
  ExcursionJudgement,
  LegTelemetry,
  ReleaseActivities,
} from '@v2v/contracts';
import {
  deviationRaisedSignal,
  judgeExcursion,
  legReceivedSignal,
  legTelemetryQuery,
  legTelemetrySignal,
  mergeLegTelemetry,
  summariseReadings,
  TASK_QUEUES,
  temperatureReadingsSignal,
} from '@v2v/contracts/workflow';
import { DURABLE_ACTIVITY } from './activity-options';

const HOUR_MS = 3_600_000;
/**
 * Signals one run of a leg takes before it continues as new: each adds about four history
 * events, so a run stays near a thousand events however long the loggers keep uploading.
 */
export const LEG_SIGNALS_PER_RUN = 250;
/** QA-04: legs with a budget judge their time out of range against it. */
export const EXCURSION_BUDGET_PATCH = 'excursion-budget';

// Raising a deviation must not be lost to a service outage: retried until it is recorded.
const donorIntake = proxyActivities<DonorIntakeActivities>({
  ...DURABLE_ACTIVITY,
  taskQueue: TASK_QUEUES.donorIntake,
});
const release = proxyActivities<ReleaseActivities>({
  ...DURABLE_ACTIVITY,
  taskQueue: TASK_QUEUES.release,
});

/**
 * One custody leg (GEN-01): waits for receipt with a durable timer set to the leg's time
 * limit, and watches the data logger's readings as donor-intake records them. The moment the
 * limit passes or a reading leaves the temperature range, the owning service records a
 * deviation and the journey is told; the leg then keeps waiting for the receipt. Each kind is
 * raised once, across continue-as-new too.
 */
export async function custodyLeg(input: CustodyLegInput): Promise<CustodyLegResult> {
  const carried = input.carried ?? {};
  let receivedAt: string | undefined;
  let telemetry: LegTelemetry | undefined = carried.telemetry;
  let signalsThisRun = 0;
  const learn = (summary: LegTelemetry | undefined) => {
    if (summary) telemetry = mergeLegTelemetry(telemetry, summary);
  };
  setHandler(legReceivedSignal, (signal) => {
    receivedAt = signal.receivedAt;
  });
  setHandler(legTelemetrySignal, (summary) => {
    signalsThisRun += 1;
    learn(summary);
  });
  // Journeys started before legs were signalled directly still relay whole uploads.
  setHandler(temperatureReadingsSignal, ({ readings, loggerId }) => {
    signalsThisRun += 1;
    learn(
      summariseReadings(
        readings.map((r) => ({ ...r, loggerId })),
        input.temperatureRange,
      ),
    );
  });
  setHandler(legTelemetryQuery, () => telemetry);

  const { workflowId } = workflowInfo();
  // Legs started before the binding (replayed from their histories) neither bind nor continue
  // as new: their commands stay as recorded.
  const bindsLogger = patched('custody-leg-logger-binding');
  const bound =
    bindsLogger && !input.carried
      ? donorIntake
          .bindCustodyLegLogger({
            legWorkflowId: workflowId,
            journeyId: input.journeyId,
            donorCode: input.donorCode,
            leg: input.leg,
            loggerId: input.loggerId,
            startedAt: input.startedAt,
            temperatureRange: input.temperatureRange,
          })
          .then(learn)
      : Promise.resolve();

  const raise = async (kind: string, description: string) => {
    const deviation: DeviationNotice = {
      deviationId: `${workflowId}-${kind}`,
      rule: 'GEN-01',
      leg: input.leg,
      detectedAt: new Date().toISOString(),
      description,
    };
    const record =
      input.leg === 'transport-to-factory'
        ? donorIntake.raiseTransportDeviation
        : release.raiseShipmentDeviation;
    await record({ journeyId: input.journeyId, donorCode: input.donorCode, deviation });
    await getExternalWorkflowHandle(input.journeyId).signal(deviationRaisedSignal, deviation);
    return deviation;
  };

  // QA-04: legs started before budgets (none in their input) behave as they did.
  const budget =
    input.excursionBudget && patched(EXCURSION_BUDGET_PATCH) ? input.excursionBudget : undefined;
  const judgement = (): ExcursionJudgement | undefined =>
    budget && telemetry?.firstExcursion
      ? judgeExcursion(
          telemetry.minutesOutOfRange ?? 0,
          telemetry.worstExcursion ?? telemetry.firstExcursion,
          budget,
        )
      : undefined;
  const raiseEmergency = async (reason: string) => {
    const deviation: DeviationNotice = {
      deviationId: `${workflowId}-excursion-beyond-budget`,
      rule: 'QA-04',
      leg: input.leg,
      detectedAt: new Date().toISOString(),
      description: `${input.leg}: the temperature excursion is beyond its budget (${budget!.stabilityReference}): ${reason}; on hold until QA closes this`,
    };
    const { journeyId, donorCode } = input;
    // The donor material is held by an open deviation on it (DON-06.4); the product by an open
    // emergency in the release service (QA-04).
    const notice =
      input.leg === 'transport-to-factory'
        ? (await donorIntake.raiseTransportDeviation({ journeyId, donorCode, deviation }),
          deviation)
        : await release.raiseExcursionEmergency({
            journeyId,
            donorCode,
            deviation,
            minutesOutOfRange: telemetry!.minutesOutOfRange ?? 0,
            worstExcursion: telemetry!.worstExcursion ?? telemetry!.firstExcursion!,
            budget: budget!,
          });
    await getExternalWorkflowHandle(journeyId).signal(deviationRaisedSignal, notice);
    return notice;
  };
  const excursionText = (): string => {
    const e = telemetry!.firstExcursion!;
    const base = `${input.leg}: ${e.temperatureC} °C measured at ${e.measuredAt} by ${e.loggerId}, outside ${input.temperatureRange!.minTemperatureC}–${input.temperatureRange!.maxTemperatureC} °C (GEN-01)`;
    const judged = judgement();
    if (!judged) return base;
    return judged.verdict === 'within-budget'
      ? `${base}; ${judged.reason}: proposed disposition ${judged.proposedDisposition}, for QA to confirm by closing this deviation`
      : `${base}; ${judged.reason}: the product is on hold`;
  };

  // The limit runs from the hand-over itself, not from when this child got scheduled.
  const dueAt = Date.parse(input.startedAt) + input.maxHours * HOUR_MS;
  let timeLimitDeviation = carried.timeLimitDeviation;
  let excursionDeviation = carried.excursionDeviation;
  let budgetEmergency = carried.budgetEmergency;
  const runIsFull = () =>
    bindsLogger && (signalsThisRun >= LEG_SIGNALS_PER_RUN || workflowInfo().continueAsNewSuggested);
  while (receivedAt === undefined) {
    const excursionToRaise = () => telemetry?.firstExcursion !== undefined && !excursionDeviation;
    const emergencyToRaise = () =>
      !budgetEmergency && judgement()?.verdict === 'beyond-budget' && !!excursionDeviation;
    const wake = () =>
      receivedAt !== undefined || excursionToRaise() || emergencyToRaise() || runIsFull();
    const woken = timeLimitDeviation
      ? (await condition(wake), true)
      : await condition(wake, Math.max(1, dueAt - Date.now()));
    if (excursionToRaise()) {
      excursionDeviation = await raise('temperature-excursion', excursionText());
    } else if (emergencyToRaise()) {
      const judged = judgement() as Extract<ExcursionJudgement, { verdict: 'beyond-budget' }>;
      budgetEmergency = await raiseEmergency(judged.reason);
    } else if (!woken) {
      timeLimitDeviation = await raise(
        'time-limit',
        `${input.leg} exceeded its ${input.maxHours} h time limit (started ${input.startedAt}) (GEN-01)`,
      );
    } else if (receivedAt === undefined && runIsFull()) {
      await bound;
      await condition(allHandlersFinished);
      return continueAsNew<typeof custodyLeg>({
        ...input,
        carried: { timeLimitDeviation, excursionDeviation, budgetEmergency, telemetry },
      });
    }
  }
  await bound;
  return { leg: input.leg, receivedAt, deviation: timeLimitDeviation ?? excursionDeviation };
}
