import { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'donor_intake';
const TRANSPORT_LEGS = `('transport-to-factory', 'shipment-to-site')`;
const ALL_LEGS = `('transport-to-factory', 'shipment-to-site', 'site-storage', 'thaw-to-infusion')`;
/** The tables that keep a custody leg's name, each with its CHECK on it. */
const LEG_CHECKS = [
  ['temperature_reading', 'CHK_temperature_reading_leg'],
  ['custody_leg_logger', 'CHK_custody_leg_logger_leg'],
  ['temperature_reading_conflict', 'CHK_temperature_reading_conflict_leg'],
] as const;

/**
 * GEN-01, OTH-01: the site's custody legs (storage from receipt to thawing, then the thaw to the
 * infusion) bind their logger and keep their readings as the transport legs do.
 */
export class AddSiteCustodyLegs1765002100000 implements MigrationInterface {
  name = 'AddSiteCustodyLegs1765002100000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, check] of LEG_CHECKS) await this.replaceCheck(q, table, check, ALL_LEGS);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, check] of LEG_CHECKS)
      await this.replaceCheck(q, table, check, TRANSPORT_LEGS);
  }

  private async replaceCheck(q: QueryRunner, table: string, check: string, legs: string) {
    await q.query(`ALTER TABLE "${S}"."${table}" DROP CONSTRAINT "${check}"`);
    await q.query(
      `ALTER TABLE "${S}"."${table}" ADD CONSTRAINT "${check}" CHECK ("leg" IN ${legs})`,
    );
  }
}
