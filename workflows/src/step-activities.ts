import { proxyActivities } from '@temporalio/workflow';
import type {
  DonorIntakeActivities,
  JourneyStep,
  ProductionActivities,
  ReleaseActivities,
  StepActivityInput,
  StepCommand,
  StepRecord,
} from '@v2v/contracts';
import { TASK_QUEUES } from '@v2v/contracts/workflow';
import { DURABLE_ACTIVITY, STEP_ACTIVITY } from './activity-options';
import type { JourneyState } from './journey-state';

export const donorIntake = proxyActivities<DonorIntakeActivities>({
  ...STEP_ACTIVITY,
  taskQueue: TASK_QUEUES.donorIntake,
});
export const production = proxyActivities<ProductionActivities>({
  ...STEP_ACTIVITY,
  taskQueue: TASK_QUEUES.production,
});
/** The specification a journey is pinned to: fetched at start, waited for through any outage. */
export const specifications = proxyActivities<
  Pick<ProductionActivities, 'getProductSpecification'>
>({ ...DURABLE_ACTIVITY, taskQueue: TASK_QUEUES.production });
/** Production's completion recorded from the batch record: nobody waits on it, it must land. */
export const durableProduction = proxyActivities<Pick<ProductionActivities, 'completeProduction'>>({
  ...DURABLE_ACTIVITY,
  taskQueue: TASK_QUEUES.production,
});
export const release = proxyActivities<ReleaseActivities>({
  ...STEP_ACTIVITY,
  taskQueue: TASK_QUEUES.release,
});

type StepActivity = (input: StepActivityInput<never>) => Promise<StepRecord>;

/** The owning service's activity for each step: the one place this mapping lives. */
export const STEP_ACTIVITIES: Record<JourneyStep, StepActivity> = {
  recordDonorScreening: donorIntake.recordDonorScreening,
  scheduleCollection: donorIntake.scheduleCollection,
  postponeCollection: donorIntake.postponeCollection,
  recordCollection: donorIntake.recordCollection,
  recordPostCollectionStorage: donorIntake.recordPostCollectionStorage,
  handOverToCourier: donorIntake.handOverToCourier,
  recordMaterialReceipt: donorIntake.recordMaterialReceipt,
  releaseMaterial: donorIntake.releaseMaterial,
  rejectMaterial: donorIntake.rejectMaterial,
  cancelJourney: donorIntake.cancelJourney,
  startProduction: production.startProduction,
  completeProduction: production.completeProduction,
  rejectFailedBatch: production.rejectFailedBatch,
  remanufactureBatch: production.remanufactureBatch,
  recordQcResult: release.recordQcResult,
  releaseBatch: release.releaseBatch,
  rejectBatch: release.rejectBatch,
  shipToSite: release.shipToSite,
  receiveAtSite: release.receiveAtSite,
  recordThaw: release.recordThaw,
  recordInfusion: release.recordInfusion,
  completeFollowUp: release.completeFollowUp,
};

/** What a step activity receives for a step of this journey, accepted now. */
export function stepActivityInput(
  step: JourneyStep,
  command: StepCommand,
  state: JourneyState,
  journeyId: string,
): StepActivityInput<never> {
  return {
    journeyId,
    donorCode: state.input.donorCode,
    eventId: command.eventId,
    occurrence: state.occurrenceOf(step),
    actor: command.actor,
    occurredAt: new Date().toISOString(),
    order: state.input.order,
    specification: state.specification!,
    knownPositiveMarkers: state.knownPositiveMarkers,
    payload: command.payload as never,
  };
}
