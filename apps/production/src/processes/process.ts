import type {
  ProcessDefinitionContent,
  ProcessStep,
  ProcessValidationStatus,
  ValidatedWorstCase,
} from '@v2v/contracts';

/** A published process definition (PRD-01): one version per product specification version. */
export interface ProcessDefinition {
  productCode: string;
  processVersion: number;
  specificationVersion: number;
  name: string;
  content: ProcessDefinitionContent;
  cellCountParameter: string;
  publishedBy: string;
  publishedAt: string;
}

/** A validation decision on a process version (PRD-03); the latest one counts. */
export interface ProcessValidation {
  validationId: string;
  productCode: string;
  processVersion: number;
  status: ProcessValidationStatus;
  worstCase: ValidatedWorstCase | null;
  reportReference: string;
  rationale: string | null;
  decidedBy: string;
  decidedAt: string;
}

/** A definition's step, as the calendar and the batch record read it. */
export type { ProcessStep };

/** A version with its current validation, for the scheduler and QA. */
export interface ProcessVersionStanding {
  definition: ProcessDefinition;
  validation: ProcessValidation | null;
}
