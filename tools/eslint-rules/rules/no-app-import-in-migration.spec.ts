import { rule, RULE_NAME } from './no-app-import-in-migration';
import { ruleTester } from './rule-tester';

const migration = 'apps/gateway/src/migrations/1764115400000-CreateTrainingMatrix.ts';

ruleTester.run(RULE_NAME, rule, {
  valid: [
    {
      filename: migration,
      code: "import { MigrationInterface, QueryRunner } from 'typeorm';\nimport { serviceRoleGrantsSql } from '@v2v/database';",
    },
    {
      filename: 'apps/release/src/migrations/1764116000000-CreateQualifiedShippers.ts',
      code: "import { qualifiedShippersMigration } from '@v2v/shipper-qualification';\nexport * from './1764028800000-CreateRelease';",
    },
    {
      filename: migration,
      code: "import { hashSync } from 'bcryptjs';",
      options: [{ allow: ['bcryptjs'] }],
    },
    // Outside migrations the rule has nothing to say.
    {
      filename: 'apps/gateway/src/journeys/step-endpoint.decorator.ts',
      code: "import { STEP_ROUTES } from './step-routes';",
    },
  ],
  invalid: [
    {
      filename: migration,
      code: "import { STEP_ROUTES } from '../journeys/step-routes';",
      errors: [{ messageId: 'appImport', data: { source: '../journeys/step-routes' } }],
    },
    {
      filename: migration,
      code: "export { USERS } from '../auth/seed-users';",
      errors: [{ messageId: 'appImport' }],
    },
    {
      filename: migration,
      code: "import { hashSync } from 'bcryptjs';",
      errors: [{ messageId: 'appImport', data: { source: 'bcryptjs' } }],
    },
    {
      filename: migration,
      code: "const { STEP_ROUTES } = await import('../journeys/step-routes');",
      errors: [{ messageId: 'appImport' }],
    },
  ],
});
