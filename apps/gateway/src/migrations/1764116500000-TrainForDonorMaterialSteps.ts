import { MigrationInterface, QueryRunner } from 'typeorm';
import { STEP_ROUTES } from '../journeys/step-routes';

/**
 * Training records for the journey steps added with donor material control (screening,
 * post-collection storage): seeded users get them like their other steps (PER-01, OTH-02);
 * `operator-untrained` stays without current training.
 */
export class TrainForDonorMaterialSteps1764116500000 implements MigrationInterface {
  name = 'TrainForDonorMaterialSteps1764116500000';

  async up(q: QueryRunner): Promise<void> {
    const users: Array<{ username: string; role: string }> = await q.query(
      `SELECT "username", "role" FROM "gateway"."user_account"`,
    );
    for (const user of users) {
      const expires = user.username === 'operator-untrained' ? '2025-06-30' : '2027-12-31';
      for (const [step, { roles }] of Object.entries(STEP_ROUTES)) {
        if (!(roles as string[]).includes(user.role)) continue;
        await q.query(
          `INSERT INTO "gateway"."training_record" ("username", "operation", "trained_on", "expires_on", "authorized_by")
           SELECT $1, $2, '2025-01-01', $3, 'seed'
            WHERE NOT EXISTS (SELECT 1 FROM "gateway"."training_record" WHERE "username" = $1 AND "operation" = $2)`,
          [user.username, step, expires],
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM "gateway"."training_record" WHERE "operation" IN ('recordDonorScreening', 'recordPostCollectionStorage') AND "authorized_by" = 'seed'`,
    );
  }
}
