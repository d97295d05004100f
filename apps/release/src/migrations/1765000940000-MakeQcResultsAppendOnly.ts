import { MigrationInterface, QueryRunner } from 'typeorm';
import { revokeUpdateSql, serviceDatabaseRole } from '@v2v/database';

const S = 'release';

/**
 * A QC result is never overwritten: nothing in the service updates one, so the service role
 * loses UPDATE on it (a correction will be a new, audited entry).
 */
export class MakeQcResultsAppendOnly1765000940000 implements MigrationInterface {
  name = 'MakeQcResultsAppendOnly1765000940000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(revokeUpdateSql(S, 'qc_result'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`GRANT UPDATE ON "${S}"."qc_result" TO "${serviceDatabaseRole()}"`);
  }
}
