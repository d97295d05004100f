import { ActivityOptions, proxyActivities } from '@temporalio/workflow';
import type {
  DonorMaterialReleaseGateActivities,
  ProductionReleaseGateActivities,
  QualityControlReleaseGateActivities,
  ReleaseGateQuery,
  ReleaseGateStanding,
  TraceabilityReleaseGateActivities,
} from '@v2v/contracts';
import { TASK_QUEUES } from '@v2v/contracts/workflow';
import { DURABLE_ACTIVITY, STEP_ACTIVITY } from './activity-options';
import { assembleReleaseStanding } from './release-standing';

function gateActivities(options: ActivityOptions) {
  return {
    donorIntake: proxyActivities<DonorMaterialReleaseGateActivities>({
      ...options,
      taskQueue: TASK_QUEUES.donorIntake,
    }),
    production: proxyActivities<ProductionReleaseGateActivities>({
      ...options,
      taskQueue: TASK_QUEUES.production,
    }),
    release: proxyActivities<QualityControlReleaseGateActivities>({
      ...options,
      taskQueue: TASK_QUEUES.release,
    }),
    traceability: proxyActivities<TraceabilityReleaseGateActivities>({
      ...options,
      taskQueue: TASK_QUEUES.traceability,
    }),
  };
}

/**
 * The release child waits out any outage of a service it asks (nobody waits on it); the journey
 * asks within a person's release or shipment request, so with the step's bounded budget.
 */
export const DURABLE_GATES = gateActivities(DURABLE_ACTIVITY);
export const STEP_GATES = gateActivities(STEP_ACTIVITY);
export type GateActivities = typeof DURABLE_GATES;

/** QA-02: every owning service's gates of the batch, asked in parallel, as one standing. */
export async function evaluateReleaseGates(
  query: ReleaseGateQuery,
  via: GateActivities = DURABLE_GATES,
): Promise<ReleaseGateStanding> {
  const [donorMaterial, production, qualityControl, traceability] = await Promise.all([
    via.donorIntake.donorMaterialReleaseGates(query),
    via.production.productionReleaseGates(query),
    via.release.qualityControlReleaseGates(query),
    via.traceability.ledgerChainReleaseGates(query),
  ]);
  return assembleReleaseStanding(
    query,
    { donorMaterial, production, qualityControl, traceability },
    new Date().toISOString(),
  );
}
