import { proxyActivities } from '@temporalio/workflow';
import type {
  DonorIntakeActivities,
  JourneyStep,
  ProductionActivities,
  ReleaseActivities,
  StepActivityInput,
  StepRecord,
} from '@v2v/contracts';
import { TASK_QUEUES } from '@v2v/contracts';

/**
 * Domain refusals come back as non-retryable failures; anything else (a service restarting,
 * a database failover) is retried for about a quarter of a minute, then the step fails
 * with SERVICE_UNAVAILABLE while the user is still waiting for the answer.
 */
const options = {
  startToCloseTimeout: '30s',
  scheduleToCloseTimeout: '2m',
  retry: {
    initialInterval: '500ms',
    backoffCoefficient: 2,
    maximumInterval: '8s',
    maximumAttempts: 6,
  },
} as const;

export const donorIntake = proxyActivities<DonorIntakeActivities>({
  ...options,
  taskQueue: TASK_QUEUES.donorIntake,
});
export const production = proxyActivities<ProductionActivities>({
  ...options,
  taskQueue: TASK_QUEUES.production,
});
export const release = proxyActivities<ReleaseActivities>({
  ...options,
  taskQueue: TASK_QUEUES.release,
});

type StepActivity = (input: StepActivityInput<never>) => Promise<StepRecord>;

/** The owning service's activity for each step: the one place this mapping lives. */
export const STEP_ACTIVITIES: Record<JourneyStep, StepActivity> = {
  recordDonorScreening: donorIntake.recordDonorScreening,
  scheduleCollection: donorIntake.scheduleCollection,
  recordCollection: donorIntake.recordCollection,
  recordPostCollectionStorage: donorIntake.recordPostCollectionStorage,
  handOverToCourier: donorIntake.handOverToCourier,
  recordMaterialReceipt: donorIntake.recordMaterialReceipt,
  releaseMaterial: donorIntake.releaseMaterial,
  rejectMaterial: donorIntake.rejectMaterial,
  cancelJourney: donorIntake.cancelJourney,
  startProduction: production.startProduction,
  completeProduction: production.completeProduction,
  recordQcResult: release.recordQcResult,
  releaseBatch: release.releaseBatch,
  rejectBatch: release.rejectBatch,
  shipToSite: release.shipToSite,
  receiveAtSite: release.receiveAtSite,
  recordInfusion: release.recordInfusion,
  completeFollowUp: release.completeFollowUp,
};
