import { stepRecordAppendOnlyMigration } from '@v2v/messaging';

/** CSV-01: release's step records (its journey decisions) can no longer be changed. */
export const MakeStepRecordsAppendOnly1764930000000 = stepRecordAppendOnlyMigration(
  'release',
  'MakeStepRecordsAppendOnly1764930000000',
);
