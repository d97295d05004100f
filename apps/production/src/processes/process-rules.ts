import {
  type BatchKind,
  DomainError,
  type ProcessDefinitionContent,
  type ProcessValidationDecision,
  type ProcessValidationStatus,
} from '@v2v/contracts';
import type { ProcessValidation } from './process';

/**
 * PRD-01: the batch size is the total cell count of the run, so a definition names the
 * parameter of its last step that records it; a definition without one is refused.
 */
export function requireCellCountParameter(content: ProcessDefinitionContent): string {
  const last = content.steps[content.steps.length - 1];
  const named = content.cellCountParameter;
  if (!named)
    throw new DomainError(
      'PRD-01',
      `the process names no cell-count parameter of its last step ${last.stepId}: the batch size is the total cell count (PRD-01)`,
      { fieldErrors: [{ path: 'content.cellCountParameter', message: 'required' }] },
    );
  if (!last.parameters.some((p) => p.parameterId === named))
    throw new DomainError(
      'PRD-01',
      `cell-count parameter ${named} is not a parameter of the last step ${last.stepId}: the batch size is the total cell count at the end of the run (PRD-01)`,
      { fieldErrors: [{ path: 'content.cellCountParameter', message: 'not on the last step' }] },
    );
  return named;
}

/**
 * FAC-02, §6(4): grade D is for operations on closed systems only (the table's note: every
 * example above D is an operation on a system that is not closed), so an open step declared
 * at grade D is refused; an open step needs at least grade C.
 */
export function requireStepGradesFitOperation(content: ProcessDefinitionContent): void {
  const wrong = content.steps.filter((s) => s.operationType === 'open' && s.grade === 'D');
  if (wrong.length)
    throw new DomainError(
      'FAC-02',
      `open step(s) ${wrong.map((s) => s.stepId).join(', ')} declared at grade D: §6(4) allows grade D only for closed systems, an open operation needs at least grade C (FAC-02)`,
      { stepIds: wrong.map((s) => s.stepId) },
    );
}

const RUNNABLE: readonly ProcessValidationStatus[] = ['validated', 'concurrent-validation'];

/**
 * A validation decision is complete: a version that may run carries the worst case it was
 * validated for (§9(3)2), and concurrent validation its rationale (§9(3)1).
 */
export function requireCompleteValidationDecision(decision: ProcessValidationDecision): void {
  const fieldErrors: Array<{ path: string; message: string }> = [];
  if (RUNNABLE.includes(decision.status) && !decision.worstCase)
    fieldErrors.push({ path: 'worstCase', message: `required for ${decision.status}` });
  if (!RUNNABLE.includes(decision.status) && decision.worstCase)
    fieldErrors.push({ path: 'worstCase', message: `not recorded for ${decision.status}` });
  if (decision.status === 'concurrent-validation' && !decision.rationale)
    fieldErrors.push({ path: 'rationale', message: 'required for concurrent validation' });
  if (fieldErrors.length)
    throw new DomainError(
      'VALIDATION_FAILED',
      `the ${decision.status} decision is incomplete (PRD-03)`,
      { fieldErrors },
    );
}

/** How a batch stands on its process version's validation, recorded on the batch. */
export type ValidationStanding = ProcessValidationStatus | 'none';

/**
 * PRD-03, §9(3)–(4): a commercial batch runs only on a `validated` version, or one under
 * `concurrent-validation` (allowed for autologous processes, and recorded as such on the batch).
 * A process-validation batch is how a version gets validated, so only a withdrawn version
 * refuses it. Returns the standing to record.
 */
export function requireValidatedProcess(
  validation: Pick<ProcessValidation, 'status' | 'productCode' | 'processVersion'> | null,
  batchKind: BatchKind,
  what: { productCode: string; processVersion: number },
): ValidationStanding {
  const standing: ValidationStanding = validation?.status ?? 'none';
  const name = `process ${what.productCode} v${what.processVersion}`;
  if (batchKind === 'commercial' && !RUNNABLE.includes(standing as ProcessValidationStatus))
    throw new DomainError(
      'PRD-03',
      `${name} is ${standing === 'none' ? 'not validated (no decision recorded)' : standing}; a commercial batch runs only on a validated version or one under concurrent validation (PRD-03)`,
      { ...what, validationStatus: standing },
    );
  if (standing === 'withdrawn')
    throw new DomainError('PRD-03', `${name} is withdrawn; no batch runs on it (PRD-03)`, {
      ...what,
      validationStatus: standing,
    });
  return standing;
}
