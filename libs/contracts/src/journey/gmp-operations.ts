import { DomainError } from '../errors/domain-error';
import type { Actor, Role } from './actor';
import { JOURNEY_STEP_NAMES, type JourneyStep } from './journey-steps';

/**
 * PER-01: the GMP operations outside the journey steps, each needing a current training record
 * and authorization of its performer, with the roles that perform it. Training records name
 * an operation: a journey step or one of these.
 */
export const RECORD_OPERATIONS = {
  registerKeyMaterial: { roles: ['qa-qp'] },
  receiveKeyMaterialLot: { roles: ['operator'] },
  decideKeyMaterialLot: { roles: ['qa-qp'] },
  recordKeyMaterialConsumption: { roles: ['operator'] },
  closeDeviation: { roles: ['qa-qp'] },
  publishProductSpecification: { roles: ['qa-qp'] },
  decideInstitutionQualification: { roles: ['qa-qp'] },
  decideShipperQualification: { roles: ['qa-qp'] },
  manageFacility: { roles: ['production-manager'] },
  recordIntegrityCheck: { roles: ['operator', 'production-manager'] },
  recordMediaFill: { roles: ['production-manager'] },
  publishProcessDefinition: { roles: ['production-manager'] },
  decideProcessValidation: { roles: ['qa-qp'] },
  bookProcessStep: { roles: ['production-manager'] },
  cancelProcessStepBooking: { roles: ['production-manager'] },
  recordLineClearance: { roles: ['operator'] },
  recordEnvironmentalMonitoring: { roles: ['qc'] },
  identifyOrganism: { roles: ['qc'] },
  assessContaminationImpact: { roles: ['qa-qp'] },
  recordDecontamination: { roles: ['operator', 'production-manager'] },
  startBatchStep: { roles: ['operator'] },
  completeBatchStep: { roles: ['operator'] },
  reviewBatchRecord: { roles: ['qa-qp'] },
  closeBatchDeviation: { roles: ['qa-qp'] },
  recordSample: { roles: ['qc'] },
  decideRetentionException: { roles: ['qa-qp'] },
  recordOosLaboratoryConclusion: { roles: ['qc'] },
  recordOosProcessConclusion: { roles: ['qa-qp'] },
  decideOosOutcome: { roles: ['qa-qp'] },
  acknowledgeInstructionsForUse: { roles: ['hospital'] },
  recordDonorMaterialTestResult: { roles: ['qc'] },
  assessDonorMaterialImpact: { roles: ['qa-qp'] },
  acknowledgeNotification: { roles: ['hospital'] },
  reportAdverseReaction: { roles: ['hospital'] },
  reportSiteEmergency: { roles: ['hospital'] },
  recallProduct: { roles: ['qa-qp'] },
  recordRecallDisposition: { roles: ['qa-qp', 'ops'] },
} as const satisfies Record<string, { roles: readonly Role[] }>;

export type RecordOperation = keyof typeof RECORD_OPERATIONS;
export type GmpOperation = JourneyStep | RecordOperation;

export const RECORD_OPERATION_NAMES = Object.keys(RECORD_OPERATIONS) as RecordOperation[];
export const GMP_OPERATION_NAMES: GmpOperation[] = [
  ...JOURNEY_STEP_NAMES,
  ...RECORD_OPERATION_NAMES,
];

export function isRecordOperation(operation: string): operation is RecordOperation {
  return operation in RECORD_OPERATIONS;
}

/**
 * Checked again where the record is written, not only at the gateway: an operation arriving by
 * another path (a Temporal update sent straight to the workflow, an internal call) with an
 * actor whose role does not perform it is refused, as PER-01's authorization for it.
 */
export function requireOperationRole(operation: RecordOperation, actor: Actor): void {
  const roles: readonly Role[] = RECORD_OPERATIONS[operation].roles;
  if (!roles.includes(actor.role))
    throw new DomainError(
      'PER-01',
      `${actor.userId} (${actor.role}) is not authorized for ${operation}, which ${roles.join(', ')} perform (PER-01)`,
      { operation, role: actor.role },
    );
}
