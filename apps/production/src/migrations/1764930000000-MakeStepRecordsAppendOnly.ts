import { stepRecordAppendOnlyMigration } from '@v2v/messaging';

/** CSV-01: production's step records (its journey decisions) can no longer be changed. */
export const MakeStepRecordsAppendOnly1764930000000 = stepRecordAppendOnlyMigration(
  'production',
  'MakeStepRecordsAppendOnly1764930000000',
);
