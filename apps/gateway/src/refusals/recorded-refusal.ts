import { DomainError } from '@v2v/contracts';

/**
 * A refusal its thrower has already recorded with its own context (the training matrix, the
 * signature check), so the refusal filter answers it without recording it a second time.
 */
export class RecordedRefusal extends DomainError {
  constructor(refusal: DomainError) {
    super(refusal.code, refusal.message, refusal.details);
    this.name = 'RecordedRefusal';
  }
}
