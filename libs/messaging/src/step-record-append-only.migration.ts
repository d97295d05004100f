import { MigrationInterface, QueryRunner } from 'typeorm';
import { serviceDatabaseRole } from '@v2v/database';

/**
 * CSV-01, CSV-02: a step record is what a journey step decided (a release decision carries its
 * signature): once written it is never changed. The service role loses UPDATE on it, and a
 * trigger refuses an UPDATE whoever asks; deletes stay with the retention guard (QA-03).
 */
export function stepRecordAppendOnlyMigration(schema: string, name: string) {
  return class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      await q.query(`CREATE FUNCTION "${schema}"."refuse_step_record_change"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'step records are decisions on record and cannot be changed (CSV-01)' USING ERRCODE = 'insufficient_privilege';
        END $$`);
      await q.query(`CREATE TRIGGER "TRG_step_record_append_only"
        BEFORE UPDATE ON "${schema}"."step_record"
        FOR EACH ROW EXECUTE FUNCTION "${schema}"."refuse_step_record_change"()`);
      const role = serviceDatabaseRole();
      await q.query(`DO $grants$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
          EXECUTE 'REVOKE UPDATE ON "${schema}"."step_record" FROM "${role}"';
        END IF;
      END $grants$`);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TRIGGER "TRG_step_record_append_only" ON "${schema}"."step_record"`);
      await q.query(`DROP FUNCTION "${schema}"."refuse_step_record_change"()`);
    }
  };
}
