import { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'donor_intake';

/**
 * TRC-04, OTH-02: a training-due notice concerns the institution's staff, not a patient, so it
 * carries no donor code; every other kind still names its donor.
 */
export class AllowInstitutionWideNotifications1765002310000 implements MigrationInterface {
  name = 'AllowInstitutionWideNotifications1765002310000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${S}"."institution_notification"
      ALTER COLUMN "donor_code" DROP NOT NULL,
      ADD CONSTRAINT "CHK_institution_notification_donor_code"
        CHECK ("donor_code" IS NOT NULL OR "kind" = 'training-due')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${S}"."institution_notification"
      DROP CONSTRAINT "CHK_institution_notification_donor_code",
      ALTER COLUMN "donor_code" SET NOT NULL`);
  }
}
