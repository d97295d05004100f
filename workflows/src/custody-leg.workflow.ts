import { condition, getExternalWorkflowHandle, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { DonorIntakeActivities, ReleaseActivities } from '@v2v/contracts';
import {
  CustodyLegInput,
  CustodyLegResult,
  deviationRaisedSignal,
  DeviationNotice,
  legReceivedSignal,
  TASK_QUEUES,
} from '@v2v/contracts';

const HOUR_MS = 3_600_000;

// Raising a deviation must not be lost to a service restart: retried until it is recorded.
const options = { startToCloseTimeout: '30s', retry: { initialInterval: '1s', maximumInterval: '1m' } } as const;
const donorIntake = proxyActivities<DonorIntakeActivities>({ ...options, taskQueue: TASK_QUEUES.donorIntake });
const release = proxyActivities<ReleaseActivities>({ ...options, taskQueue: TASK_QUEUES.release });

/**
 * One custody leg (GEN-01): waits for receipt with a durable timer set to the leg's time
 * limit. If the limit passes first, the owning service records a deviation at that moment
 * and the journey is told; the leg then keeps waiting for the receipt.
 */
export async function custodyLeg(input: CustodyLegInput): Promise<CustodyLegResult> {
  let receivedAt: string | undefined;
  setHandler(legReceivedSignal, (signal) => {
    receivedAt = signal.receivedAt;
  });

  // The limit runs from the hand-over itself, not from when this child got scheduled.
  const dueAt = Date.parse(input.startedAt) + input.maxHours * HOUR_MS;
  const inTime = await condition(() => receivedAt !== undefined, Math.max(1, dueAt - Date.now()));
  let deviation: DeviationNotice | undefined;
  if (!inTime) {
    deviation = {
      deviationId: `${workflowInfo().workflowId}-time-limit`,
      rule: 'GEN-01',
      leg: input.leg,
      detectedAt: new Date().toISOString(),
      description: `${input.leg} exceeded its ${input.maxHours} h time limit (started ${input.startedAt}) (GEN-01)`,
    };
    const raise = input.leg === 'transport-to-factory' ? donorIntake.raiseTransportDeviation : release.raiseShipmentDeviation;
    await raise({ journeyId: input.journeyId, donorCode: input.donorCode, deviation });
    await getExternalWorkflowHandle(input.journeyId).signal(deviationRaisedSignal, deviation);
    await condition(() => receivedAt !== undefined);
  }
  return { leg: input.leg, receivedAt: receivedAt!, deviation };
}
