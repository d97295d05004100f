import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTriggerSql, dropAppendOnlyTriggerSql, insertOnlyGrantsSql } from '@v2v/database';

/**
 * The migration that gives a service's schema its register of electronic signatures: each
 * signature is written by the owning service in the transaction of the decision it signs,
 * once (its id is the key, so a signature cannot sign a second record), and never changed.
 * The service role gets SELECT and INSERT only.
 */
export function electronicSignatureMigration(schema: string, name: string) {
  return class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      await q.query(`CREATE TABLE "${schema}"."electronic_signature" (
        "signature_id" uuid NOT NULL,
        "signer" text NOT NULL,
        "signer_role" text NOT NULL,
        "meaning" text NOT NULL,
        "signed_at" timestamptz NOT NULL,
        "signed_content_hash" char(64) NOT NULL,
        "record_type" text NOT NULL,
        "record_id" text NOT NULL,
        "donor_code" text,
        "seal" text NOT NULL,
        "recorded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT "PK_electronic_signature" PRIMARY KEY ("signature_id")
      )`);
      await q.query(
        `CREATE INDEX "IDX_electronic_signature_donor_code" ON "${schema}"."electronic_signature" ("donor_code", "signed_at")`,
      );
      await q.query(
        `CREATE INDEX "IDX_electronic_signature_record" ON "${schema}"."electronic_signature" ("record_type", "record_id")`,
      );
      const trigger = appendOnlyTriggerSql({
        schema,
        table: 'electronic_signature',
        functionName: 'refuse_signature_change',
        message: 'electronic signatures cannot be edited or deleted (CSV-02)',
        refuse: 'UPDATE OR DELETE',
        truncate: true,
      });
      for (const sql of trigger) await q.query(sql);
      await q.query(insertOnlyGrantsSql(schema, 'electronic_signature'));
    }

    async down(q: QueryRunner): Promise<void> {
      const drop = dropAppendOnlyTriggerSql(
        schema,
        'electronic_signature',
        'refuse_signature_change',
      );
      for (const sql of drop) await q.query(sql);
      await q.query(`DROP TABLE "${schema}"."electronic_signature"`);
    }
  };
}
