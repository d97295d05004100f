import { sqlMigration } from '@v2v/database';
import { addStepIdentitySql, dropStepIdentitySql } from './step-record.sql';

/** CSV-04: a service's step records keyed by the journey step itself (`addStepIdentitySql`). */
export function stepIdentityMigration(schema: string, name: string) {
  return sqlMigration(name, addStepIdentitySql(schema), dropStepIdentitySql(schema));
}
