import { rule, RULE_NAME } from './no-sql-outside-repository';
import { ruleTester } from './rule-tester';

const select = 'const rows = `SELECT "id" FROM "release"."qc_result" WHERE "id" = $1`;';
const query = 'await manager.query(`SELECT 1 FROM "gateway"."user_account"`, []);';

ruleTester.run(RULE_NAME, rule, {
  valid: [
    { filename: 'apps/release/src/release/qc-result.repository.ts', code: query },
    { filename: 'apps/release/src/migrations/1764028800000-CreateRelease.ts', code: query },
    { filename: 'libs/audit/src/audit-trail.migration.ts', code: query },
    { filename: 'libs/messaging/src/step-record.sql.ts', code: select },
    { filename: 'apps/release/src/release/release.integration-spec.ts', code: query },
    { filename: 'apps/release/src/release/release-rules.spec.ts', code: select },
    { filename: 'test/e2e/patient-journey.e2e-spec.ts', code: query },
    { filename: 'test/setup/integration.global-setup.ts', code: query },
    {
      filename: 'apps/production/src/key-materials/__tests__/key-material-test-context.ts',
      code: query,
    },
    // Prose that happens to contain the words, and identifiers, are not SQL.
    {
      filename: 'apps/gateway/src/journeys/step-routes.ts',
      code: "const summary = 'Select the shipper from the register; update the set of labels';",
    },
    { filename: 'apps/gateway/src/a.service.ts', code: "const code = 'UPDATE_SETTINGS';" },
    { filename: 'apps/gateway/src/a.controller.ts', code: 'const leg = req.query.leg;' },
  ],
  invalid: [
    {
      filename: 'apps/release/src/release/release.activities.ts',
      code: query,
      errors: [{ messageId: 'query' }],
    },
    {
      filename: 'apps/donor-intake/src/donors/usecases/delete-donor.usecase.ts',
      code: select,
      errors: [{ messageId: 'sql' }],
    },
    {
      filename: 'apps/gateway/src/a.service.ts',
      code: `const sql = 'INSERT INTO "gateway"."x" ("a") VALUES ($1)';`,
      errors: [{ messageId: 'sql' }],
    },
    {
      filename: 'apps/gateway/src/a.service.ts',
      code: 'const sql = `UPDATE "${schema}"."x" SET "a" = $1`;',
      errors: [{ messageId: 'sql' }],
    },
    {
      filename: 'apps/gateway/src/a.service.ts',
      code: 'const sql = `DELETE FROM "gateway"."x"`;',
      errors: [{ messageId: 'sql' }],
    },
    {
      // The call is reported, its SQL argument not a second time; a query built elsewhere is.
      filename: 'apps/gateway/src/a.service.ts',
      code: "const sql = 'SELECT 1 FROM x'; await dataSource.query(sql);",
      errors: [{ messageId: 'sql' }, { messageId: 'query' }],
    },
  ],
});
