import { DataSource, EntityManager } from 'typeorm';
import { DomainError, uniqueViolationConstraint } from '@v2v/contracts';

/** The register's record types, as the audit trail names them (the demo seeder's too). */
export const RECORD_TYPES = {
  area: 'production-area',
  room: 'room',
  equipment: 'equipment',
  line: 'production-line',
  shift: 'production-shift',
} as const;

export const codeTaken = (what: string, field: string, code: string) =>
  new DomainError(
    'FACILITY_CODE_TAKEN',
    `${what} code ${code} is already on the facility register`,
    {
      fieldErrors: [{ path: field, message: 'already on the register' }],
    },
  );

/** A body's reference to a record that is not on the register, or no longer in use. */
export const unknownReference = (field: string, what: string, code: string, inactive = false) =>
  new DomainError(
    'VALIDATION_FAILED',
    `${what} ${code} is ${inactive ? 'out of use' : 'not on the facility register'}`,
    { fieldErrors: [{ path: field, message: inactive ? 'out of use' : 'not on the register' }] },
  );

export const notOnRegister = (what: string, code: string) =>
  new DomainError('NOT_FOUND', `${what} ${code} is not on the facility register`);

/**
 * One registration in one transaction; a code that a concurrent registration took first (the
 * primary key) is answered as a taken code, like the check inside `work`.
 */
export async function registerInTransaction<T>(
  dataSource: DataSource,
  taken: () => DomainError,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await dataSource.transaction(work);
  } catch (error) {
    if (uniqueViolationConstraint(error) !== undefined) throw taken();
    throw error;
  }
}
