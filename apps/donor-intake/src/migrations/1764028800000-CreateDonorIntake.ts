import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  createInboxTableSql,
  createOutboxTableSql,
  createStepRecordTableSql,
  dropInboxTableSql,
  dropOutboxTableSql,
  dropStepRecordTableSql,
} from '@v2v/messaging';

const S = 'donor_intake';

export class CreateDonorIntake1764028800000 implements MigrationInterface {
  name = 'CreateDonorIntake1764028800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."institution" (
      "id" text NOT NULL,
      "name" text NOT NULL,
      "facility_code" text NOT NULL,
      "status" text NOT NULL,
      "agreement_expires_on" date,
      CONSTRAINT "PK_institution" PRIMARY KEY ("id"),
      CONSTRAINT "CHK_institution_status" CHECK ("status" IN ('assessment', 'on-site-audit', 'approved', 'suspended', 'removed')),
      CONSTRAINT "CHK_institution_facility_code" CHECK ("facility_code" ~ '^[A-Z][0-9]{4}$')
    )`);
    // One counter per facility and year: the 6-digit sequence of the donor unique code.
    await q.query(`CREATE TABLE "${S}"."donor_code_counter" (
      "facility_code" text NOT NULL,
      "year" integer NOT NULL,
      "last_sequence" integer NOT NULL,
      CONSTRAINT "PK_donor_code_counter" PRIMARY KEY ("facility_code", "year"),
      CONSTRAINT "CHK_donor_code_counter_range" CHECK ("last_sequence" BETWEEN 1 AND 999999)
    )`);
    await q.query(`CREATE TABLE "${S}"."donor" (
      "donor_code" text NOT NULL,
      "eye_readable" text NOT NULL,
      "patient_reference" text NOT NULL,
      "institution_id" text NOT NULL,
      "product_code" text NOT NULL,
      "request_key" text NOT NULL,
      "registered_by" text NOT NULL,
      "registered_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_donor" PRIMARY KEY ("donor_code"),
      CONSTRAINT "UQ_donor_request_key" UNIQUE ("request_key"),
      CONSTRAINT "FK_donor_institution" FOREIGN KEY ("institution_id") REFERENCES "${S}"."institution" ("id")
    )`);
    for (const sql of createStepRecordTableSql(S)) await q.query(sql);
    for (const sql of createOutboxTableSql(S)) await q.query(sql);
    for (const sql of createInboxTableSql(S)) await q.query(sql);
    await q.query(`INSERT INTO "${S}"."institution" ("id", "name", "facility_code", "status", "agreement_expires_on") VALUES
      ('INST-001', 'Shanghai Ruijin Hospital Cell Therapy Unit', 'H0001', 'approved', '2028-12-31'),
      ('INST-002', 'Beijing Union Medical College Hospital Apheresis Center', 'H0002', 'approved', '2028-12-31'),
      ('INST-003', 'Guangzhou Sun Yat-sen University Cancer Center', 'H0003', 'approved', '2028-06-30'),
      ('INST-009', 'Example Suspended Hospital', 'H0009', 'suspended', '2027-01-31')`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropInboxTableSql(S)) await q.query(sql);
    for (const sql of dropOutboxTableSql(S)) await q.query(sql);
    for (const sql of dropStepRecordTableSql(S)) await q.query(sql);
    await q.query(`DROP TABLE "${S}"."donor"`);
    await q.query(`DROP TABLE "${S}"."donor_code_counter"`);
    await q.query(`DROP TABLE "${S}"."institution"`);
  }
}
