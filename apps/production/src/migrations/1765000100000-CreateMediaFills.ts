import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTriggerSql, dropAppendOnlyTriggerSql, insertOnlyGrantsSql } from '@v2v/database';

const S = 'production';

/**
 * Aseptic process simulation (PRD-02, §9(2)): one append-only row per media fill run of a line
 * and shift. The result is the system's judgement of the units, and the database holds it to
 * that (pass iff units were filled and none is contaminated); a bracketing or matrix run
 * carries its written rationale and the worst-case conditions it covers.
 */
export class CreateMediaFills1765000100000 implements MigrationInterface {
  name = 'CreateMediaFills1765000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."media_fill" (
      "media_fill_id" uuid NOT NULL,
      "event_id" text NOT NULL,
      "line_code" text NOT NULL,
      "shift_code" text NOT NULL,
      "performed_on" date NOT NULL,
      "kind" text NOT NULL,
      "approach" text NOT NULL,
      "rationale" text,
      "worst_case_conditions" jsonb NOT NULL DEFAULT '[]',
      "product_codes" jsonb NOT NULL,
      "equipment_classes" jsonb NOT NULL,
      "operations_not_simulated" jsonb NOT NULL DEFAULT '[]',
      "units_filled" integer NOT NULL,
      "units_contaminated" integer NOT NULL,
      "result" text NOT NULL,
      "recorded_by" text NOT NULL,
      "recorded_by_role" text NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_media_fill" PRIMARY KEY ("media_fill_id"),
      CONSTRAINT "UQ_media_fill_event" UNIQUE ("event_id"),
      CONSTRAINT "FK_media_fill_line" FOREIGN KEY ("line_code") REFERENCES "${S}"."production_line" ("line_code"),
      CONSTRAINT "FK_media_fill_shift" FOREIGN KEY ("shift_code") REFERENCES "${S}"."production_shift" ("shift_code"),
      CONSTRAINT "CHK_media_fill_kind" CHECK ("kind" IN ('initial', 'periodic')),
      CONSTRAINT "CHK_media_fill_approach" CHECK ("approach" IN ('single', 'bracketing', 'matrix', 'bracketing-and-matrix')),
      -- §9(2)5: bracketing and matrix choices are written down with the worst cases they cover.
      CONSTRAINT "CHK_media_fill_rationale" CHECK ("approach" = 'single' OR (
        btrim(COALESCE("rationale", '')) <> '' AND jsonb_array_length("worst_case_conditions") > 0)),
      CONSTRAINT "CHK_media_fill_covers" CHECK (
        jsonb_array_length("product_codes") > 0 AND jsonb_array_length("equipment_classes") > 0),
      CONSTRAINT "CHK_media_fill_units" CHECK (
        "units_filled" >= 0 AND "units_contaminated" BETWEEN 0 AND "units_filled"),
      -- PRD-02: the result is judged from the units, never typed.
      CONSTRAINT "CHK_media_fill_result" CHECK ("result" = CASE
        WHEN "units_filled" > 0 AND "units_contaminated" = 0 THEN 'pass' ELSE 'fail' END)
    )`);
    await q.query(
      `CREATE INDEX "IDX_media_fill_line_shift" ON "${S}"."media_fill" ("line_code", "shift_code", "performed_on")`,
    );
    for (const sql of appendOnlyTriggerSql({
      schema: S,
      table: 'media_fill',
      functionName: 'refuse_media_fill_change',
      message: 'a media fill run is recorded once and never changed or deleted (PRD-02)',
      refuse: 'UPDATE OR DELETE',
      truncate: true,
    }))
      await q.query(sql);
    await q.query(insertOnlyGrantsSql(S, 'media_fill'));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropAppendOnlyTriggerSql(S, 'media_fill', 'refuse_media_fill_change'))
      await q.query(sql);
    await q.query(`DROP TABLE "${S}"."media_fill"`);
  }
}
