import { refusalRecordMigration } from '@v2v/messaging';

/**
 * PRD-06, TRC-03, CSV-03: the step activities donor-intake refused, kept where their records would
 * be.
 */
export const CreateRefusalRecords1764910000010 = refusalRecordMigration(
  'donor_intake',
  'CreateRefusalRecords1764910000010',
);
