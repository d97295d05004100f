import type { RecordOperation } from '@v2v/contracts';

/**
 * PER-01: the gateway routes that perform a GMP operation other than a journey step (journey
 * steps are checked by JourneyStepsService with the rest of a step), by `METHOD path` as Nest
 * declares it. `TrainingGuard` refuses each to a user without current training for it.
 */
export const RECORD_OPERATION_ROUTES: Record<string, RecordOperation> = {
  'POST /api/key-materials': 'registerKeyMaterial',
  'POST /api/key-materials/:materialCode/lots': 'receiveKeyMaterialLot',
  'POST /api/key-material-lots/:lotId/release': 'decideKeyMaterialLot',
  'POST /api/key-material-lots/:lotId/reject': 'decideKeyMaterialLot',
  'POST /api/journeys/:donorCode/key-material-consumptions': 'recordKeyMaterialConsumption',
  'POST /api/journeys/:donorCode/deviations/:deviationId/close': 'closeDeviation',
  'POST /api/product-specifications/:productCode/versions': 'publishProductSpecification',
  'POST /api/institutions': 'decideInstitutionQualification',
  'POST /api/institutions/:institutionId/decisions': 'decideInstitutionQualification',
  'POST /api/qualified-shippers': 'decideShipperQualification',
  'POST /api/qualified-shippers/:carries/:shipperId/withdraw': 'decideShipperQualification',
};

export function recordOperationOf(method: string, routePath: string | undefined) {
  return routePath ? RECORD_OPERATION_ROUTES[`${method} ${routePath}`] : undefined;
}
