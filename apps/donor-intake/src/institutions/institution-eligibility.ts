import { DomainError } from '@v2v/contracts';
import type { Institution } from './institution.repository';

/**
 * DON-02: only an institution on the approved list, with a quality agreement in force and its
 * periodic review not overdue, may have an order started, collect material, have it received
 * or released. The one place the check lives; its status changes are `decideQualification`'s.
 */
export function assertInstitutionQualified(
  institution: Institution | undefined,
  institutionId: string,
  today: string,
): asserts institution is Institution {
  if (!institution) {
    throw new DomainError(
      'DON-02',
      `institution ${institutionId} is not on the approved list (DON-02)`,
    );
  }
  if (institution.status !== 'approved') {
    throw new DomainError(
      'DON-02',
      `institution ${institutionId} is ${institution.status}, not approved (DON-02)`,
      { status: institution.status },
    );
  }
  if (!institution.agreementExpiresOn || institution.agreementExpiresOn < today) {
    throw new DomainError(
      'DON-02',
      `institution ${institutionId} has no valid quality agreement (expired ${institution.agreementExpiresOn}) (DON-02)`,
    );
  }
  if (institution.nextReviewDue && institution.nextReviewDue < today) {
    throw new DomainError(
      'DON-02',
      `institution ${institutionId} is overdue for its periodic review (due ${institution.nextReviewDue}) (DON-02)`,
    );
  }
}
