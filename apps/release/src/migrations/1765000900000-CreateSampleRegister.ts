import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTriggerSql, dropAppendOnlyTriggerSql, insertOnlyGrantsSql } from '@v2v/database';

const S = 'release';
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const KINDS = list([
  'donor-material-not-retained',
  'product-not-retained',
  'retention-shortened',
  'intermediate-retained',
  'frozen-retention',
]);
const TABLES = [
  ['sample', 'refuse_sample_change', 'a sample is recorded once and never changed or deleted'],
  [
    'retention_label_photo',
    'refuse_label_photo_change',
    'a label photo is kept as uploaded and never changed or deleted',
  ],
  [
    'retention_exception',
    'refuse_retention_exception_change',
    'a retention exception is decided once and never changed or deleted',
  ],
] as const;

/**
 * The sample register (QA-01, §10(1)): QC and retention samples of donor material, an
 * intermediate, the final product or a key-material lot; the photos of product labels; the
 * qualified person's signed retention exceptions. All append-only: a correction is a new
 * record. The constraints hold what each record needs whatever the client.
 */
export class CreateSampleRegister1765000900000 implements MigrationInterface {
  name = 'CreateSampleRegister1765000900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."sample" (
      "sample_id" uuid NOT NULL,
      "event_id" uuid NOT NULL,
      "purpose" text NOT NULL,
      "subject" text NOT NULL,
      "donor_code" text,
      "batch_number" text,
      "material_code" text,
      "lot_id" text,
      "lot_expires_on" date,
      "quantity" numeric NOT NULL,
      "unit" text NOT NULL,
      "container" text NOT NULL,
      "storage_location" text NOT NULL,
      "storage_condition" text NOT NULL,
      "retention_until" date,
      "taken_at" timestamptz NOT NULL,
      "recorded_by" text NOT NULL,
      "recorded_by_role" text NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_sample" PRIMARY KEY ("sample_id"),
      CONSTRAINT "UQ_sample_event" UNIQUE ("event_id"),
      CONSTRAINT "CHK_sample_purpose" CHECK ("purpose" IN ('qc', 'retention')),
      CONSTRAINT "CHK_sample_subject" CHECK (
        ("subject" IN ('donor-material', 'intermediate', 'final-product')
          AND "donor_code" IS NOT NULL AND "lot_id" IS NULL AND "material_code" IS NULL
          AND "lot_expires_on" IS NULL
          AND ("subject" = 'donor-material') = ("batch_number" IS NULL))
        OR ("subject" = 'key-material-lot' AND "donor_code" IS NULL AND "batch_number" IS NULL
          AND "lot_id" IS NOT NULL AND "material_code" IS NOT NULL
          AND "lot_expires_on" IS NOT NULL)),
      CONSTRAINT "CHK_sample_quantity" CHECK ("quantity" > 0),
      CONSTRAINT "CHK_sample_text" CHECK (btrim("unit") <> '' AND btrim("container") <> ''
        AND btrim("storage_location") <> '' AND btrim("storage_condition") <> ''),
      -- QA-01: a retention sample is kept until a stated day, a lot's at least to its expiry.
      CONSTRAINT "CHK_sample_retention" CHECK (("purpose" <> 'retention' OR "retention_until" IS NOT NULL)
        AND ("purpose" <> 'retention' OR COALESCE("retention_until" >= "lot_expires_on", true)))
    )`);
    await q.query(`CREATE INDEX "IDX_sample_donor" ON "${S}"."sample" ("donor_code", "taken_at")`);
    await q.query(`CREATE INDEX "IDX_sample_lot" ON "${S}"."sample" ("lot_id", "taken_at")`);
    await q.query(`CREATE TABLE "${S}"."retention_label_photo" (
      "photo_id" uuid NOT NULL,
      "content_type" text NOT NULL,
      "sha256" char(64) NOT NULL,
      "content" bytea NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_retention_label_photo" PRIMARY KEY ("photo_id"),
      CONSTRAINT "CHK_retention_label_photo_size" CHECK (octet_length("content") BETWEEN 1 AND 2097152),
      CONSTRAINT "CHK_retention_label_photo_hash" CHECK ("sha256" = encode(sha256("content"), 'hex')),
      CONSTRAINT "CHK_retention_label_photo_type" CHECK (
        ("content_type" = 'image/png' AND substring("content" FROM 1 FOR 8) = '\\x89504e470d0a1a0a'::bytea)
        OR ("content_type" = 'image/jpeg' AND substring("content" FROM 1 FOR 3) = '\\xffd8ff'::bytea))
    )`);
    await q.query(`CREATE TABLE "${S}"."retention_exception" (
      "exception_id" uuid NOT NULL,
      "donor_code" text NOT NULL,
      "kind" text NOT NULL,
      "rationale" text NOT NULL,
      "evaluation_report_reference" text,
      "sample_id" uuid,
      "label_photo_id" uuid,
      "signature_id" uuid NOT NULL,
      "decided_by" text NOT NULL,
      "decided_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_retention_exception" PRIMARY KEY ("exception_id"),
      CONSTRAINT "UQ_retention_exception_signature" UNIQUE ("signature_id"),
      CONSTRAINT "FK_retention_exception_signature" FOREIGN KEY ("signature_id") REFERENCES "${S}"."electronic_signature" ("signature_id"),
      CONSTRAINT "FK_retention_exception_sample" FOREIGN KEY ("sample_id") REFERENCES "${S}"."sample" ("sample_id"),
      CONSTRAINT "FK_retention_exception_photo" FOREIGN KEY ("label_photo_id") REFERENCES "${S}"."retention_label_photo" ("photo_id"),
      CONSTRAINT "CHK_retention_exception_kind" CHECK ("kind" IN (${KINDS})),
      CONSTRAINT "CHK_retention_exception_rationale" CHECK (btrim("rationale") <> ''),
      -- QA-01: what each kind needs (retention-rules.ts, requireExceptionEvidence).
      CONSTRAINT "CHK_retention_exception_photo" CHECK (("kind" = 'product-not-retained') = ("label_photo_id" IS NOT NULL)),
      CONSTRAINT "CHK_retention_exception_report" CHECK ("kind" <> 'retention-shortened' OR "evaluation_report_reference" IS NOT NULL),
      CONSTRAINT "CHK_retention_exception_sample" CHECK (("kind" IN ('intermediate-retained', 'frozen-retention')) = ("sample_id" IS NOT NULL))
    )`);
    await q.query(
      `CREATE INDEX "IDX_retention_exception_donor" ON "${S}"."retention_exception" ("donor_code", "decided_at")`,
    );
    for (const [table, functionName, message] of TABLES) {
      for (const sql of appendOnlyTriggerSql({
        schema: S,
        table,
        functionName,
        message: `${message} (QA-01)`,
        refuse: 'UPDATE OR DELETE',
        truncate: true,
      }))
        await q.query(sql);
      await q.query(insertOnlyGrantsSql(S, table));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, functionName] of [...TABLES].reverse()) {
      for (const sql of dropAppendOnlyTriggerSql(S, table, functionName)) await q.query(sql);
      await q.query(`DROP TABLE "${S}"."${table}"`);
    }
  }
}
