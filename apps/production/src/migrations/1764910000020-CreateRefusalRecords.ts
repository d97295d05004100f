import { refusalRecordMigration } from '@v2v/messaging';

/**
 * PRD-06, TRC-03, CSV-03: the step activities production refused, kept where their records would
 * be.
 */
export const CreateRefusalRecords1764910000020 = refusalRecordMigration(
  'production',
  'CreateRefusalRecords1764910000020',
);
