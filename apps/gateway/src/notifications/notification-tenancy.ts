import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ConcealedRefusal } from '../refusals/concealed-refusal';
import { institutionAccessRefusal } from '../tenancy/tenancy-rules';

/**
 * TRC-04, CSV-03: whose feed a user reads. A hospital user reads its own institution's only,
 * from its account (naming another institution is answered as an unknown one, the reason on
 * record); the manufacturer's roles read the institution they name, or every one.
 */
export function feedInstitution(
  user: Pick<AuthenticatedUser, 'role' | 'institutionId'>,
  requested: string | undefined,
): string | undefined {
  if (user.role !== 'hospital') return requested;
  const own = user.institutionId;
  if (own === null)
    throw new ConcealedRefusal(
      'NOT_FOUND',
      `no institution ${requested ?? 'of this user'}`,
      'the hospital user belongs to no institution',
    );
  const refusal = requested === undefined ? undefined : institutionAccessRefusal(user, requested);
  if (refusal) throw new ConcealedRefusal('NOT_FOUND', `no institution ${requested}`, refusal);
  return own;
}
