import { DomainError, RefusalCode } from '@v2v/contracts';

/**
 * A refusal whose recorded reason differs from what the user is told: tenancy answers another
 * institution's journey exactly as an unknown one (CSV-03), while the refusal record says why.
 * Only `code`, `message` and `details` reach the response.
 */
export class ConcealedRefusal extends DomainError {
  constructor(
    code: RefusalCode,
    message: string,
    readonly recordedReason: string,
  ) {
    super(code, message);
    this.name = 'ConcealedRefusal';
  }
}
