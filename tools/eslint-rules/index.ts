/**
 * The project's own lint rules, loaded by @nx/eslint-plugin from this folder (no build step)
 * and used in eslint.config.mjs as `@nx/workspace-<rule name>`.
 */
import * as noAppImportInMigration from './rules/no-app-import-in-migration';
import * as noDatasourceInController from './rules/no-datasource-in-controller';
import * as noSqlOutsideRepository from './rules/no-sql-outside-repository';

export const rules = {
  [noSqlOutsideRepository.RULE_NAME]: noSqlOutsideRepository.rule,
  [noDatasourceInController.RULE_NAME]: noDatasourceInController.rule,
  [noAppImportInMigration.RULE_NAME]: noAppImportInMigration.rule,
};
