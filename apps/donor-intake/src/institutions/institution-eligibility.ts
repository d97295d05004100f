import { DomainError } from '@v2v/contracts';
import type { Institution } from './institution.repository';

/**
 * DON-02 (basic form): only an institution on the approved list with an unexpired
 * quality agreement may have an order started. The full qualification lifecycle comes
 * with the donor-material issue; this is the one place the check lives.
 */
export function assertInstitutionMayOrder(
  institution: Institution | undefined,
  institutionId: string,
  today: string,
): asserts institution is Institution {
  if (!institution) {
    throw new DomainError('DON-02', `institution ${institutionId} is not on the approved list (DON-02)`);
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
}
