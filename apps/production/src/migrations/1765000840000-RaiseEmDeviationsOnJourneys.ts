import { MigrationInterface, QueryRunner } from 'typeorm';
import { insertOnlyGrantsSql } from '@v2v/database';
import { createInboxTableSql, dropInboxTableSql, setAsideMigration } from '@v2v/messaging';

const S = 'production';
const NAME = 'RaiseEmDeviationsOnJourneys1765000840000';
/** The consumer's set-aside table (CSV-04): `inbox_rejected` becomes `set_aside_message`. */
const SetAsideInbox = setAsideMigration(S, `${NAME}-set-aside`, { inbox: true, outbox: false });

/**
 * PRD-05: an excursion raises a deviation on each exposed batch's journey. Each exposed batch
 * keeps its deviation's id and description (NULL for excursions opened before), and production
 * gets the inbox its own consumer needs to signal the journeys once per event, with what it
 * cannot apply set aside. The inbox is insert-only for the service: an applied event stays applied.
 */
export class RaiseEmDeviationsOnJourneys1765000840000 implements MigrationInterface {
  name = NAME;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${S}"."em_exposed_batch"
      ADD COLUMN "deviation_id" uuid,
      ADD COLUMN "deviation_description" text,
      ADD CONSTRAINT "UQ_em_exposed_batch_deviation" UNIQUE ("deviation_id"),
      ADD CONSTRAINT "CHK_em_exposed_batch_deviation"
        CHECK (("deviation_id" IS NULL) = ("deviation_description" IS NULL))`);
    for (const sql of createInboxTableSql(S)) await q.query(sql);
    await q.query(insertOnlyGrantsSql(S, 'inbox'));
    await new SetAsideInbox().up(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await new SetAsideInbox().down(q);
    for (const sql of dropInboxTableSql(S)) await q.query(sql);
    await q.query(`ALTER TABLE "${S}"."em_exposed_batch"
      DROP CONSTRAINT "CHK_em_exposed_batch_deviation",
      DROP CONSTRAINT "UQ_em_exposed_batch_deviation",
      DROP COLUMN "deviation_description", DROP COLUMN "deviation_id"`);
  }
}
