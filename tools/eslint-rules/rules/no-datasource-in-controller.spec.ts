import { rule, RULE_NAME } from './no-datasource-in-controller';
import { ruleTester } from './rule-tester';

ruleTester.run(RULE_NAME, rule, {
  valid: [
    {
      filename: 'apps/donor-intake/src/donors/donors.controller.ts',
      code: "import { Controller } from '@nestjs/common';\nimport { QueryFailedError } from 'typeorm';",
    },
    {
      filename: 'apps/donor-intake/src/donors/donor.repository.ts',
      code: "import { DataSource, EntityManager } from 'typeorm';",
    },
    {
      filename: 'libs/shipper-qualification/src/qualified-shippers.providers.ts',
      code: "import { DataSource } from 'typeorm';",
    },
  ],
  invalid: [
    {
      filename: 'apps/donor-intake/src/telemetry/temperature-readings.controller.ts',
      code: "import { DataSource } from 'typeorm';",
      errors: [{ messageId: 'handle', data: { name: 'DataSource' } }],
    },
    {
      filename: 'libs/service-kit/src/audit.controller.ts',
      code: "import { type EntityManager, In } from 'typeorm';",
      errors: [{ messageId: 'handle', data: { name: 'EntityManager' } }],
    },
    {
      filename: 'apps/gateway/src/orders/orders.controller.ts',
      code: "import { InjectDataSource, InjectEntityManager } from '@nestjs/typeorm';",
      errors: [{ messageId: 'handle' }, { messageId: 'handle' }],
    },
  ],
});
