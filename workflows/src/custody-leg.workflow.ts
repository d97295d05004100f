import {
  condition,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { DonorIntakeActivities, ReleaseActivities } from '@v2v/contracts';
import {
  CustodyLegInput,
  CustodyLegResult,
  deviationRaisedSignal,
  DeviationNotice,
  legReceivedSignal,
  TASK_QUEUES,
  temperatureReadingsSignal,
} from '@v2v/contracts';
import { DURABLE_ACTIVITY } from './activity-options';
import { firstExcursion, Excursion } from './temperature-excursion';

const HOUR_MS = 3_600_000;

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
 * limit, and watches the data logger's readings as they arrive. The moment the limit passes
 * or a reading leaves the temperature range, the owning service records a deviation and the
 * journey is told; the leg then keeps waiting for the receipt. Each kind is raised once.
 */
export async function custodyLeg(input: CustodyLegInput): Promise<CustodyLegResult> {
  let receivedAt: string | undefined;
  let excursion: Excursion | undefined;
  setHandler(legReceivedSignal, (signal) => {
    receivedAt = signal.receivedAt;
  });
  setHandler(temperatureReadingsSignal, ({ readings, loggerId }) => {
    if (!excursion && input.temperatureRange)
      excursion = firstExcursion(readings, input.temperatureRange, loggerId);
  });

  const { workflowId } = workflowInfo();
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

  // The limit runs from the hand-over itself, not from when this child got scheduled.
  const dueAt = Date.parse(input.startedAt) + input.maxHours * HOUR_MS;
  let timeLimitDeviation: DeviationNotice | undefined;
  let excursionDeviation: DeviationNotice | undefined;
  while (receivedAt === undefined) {
    const excursionToRaise = () => excursion !== undefined && !excursionDeviation;
    const wake = () => receivedAt !== undefined || excursionToRaise();
    const woken = timeLimitDeviation
      ? (await condition(wake), true)
      : await condition(wake, Math.max(1, dueAt - Date.now()));
    if (excursionToRaise()) {
      const e = excursion!;
      excursionDeviation = await raise(
        'temperature-excursion',
        `${input.leg}: ${e.temperatureC} °C measured at ${e.measuredAt} by ${e.loggerId}, outside ${input.temperatureRange!.minTemperatureC}–${input.temperatureRange!.maxTemperatureC} °C (GEN-01)`,
      );
    } else if (!woken) {
      timeLimitDeviation = await raise(
        'time-limit',
        `${input.leg} exceeded its ${input.maxHours} h time limit (started ${input.startedAt}) (GEN-01)`,
      );
    }
  }
  return { leg: input.leg, receivedAt, deviation: timeLimitDeviation ?? excursionDeviation };
}
