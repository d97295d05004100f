import { stepRecordAppendOnlyMigration } from '@v2v/messaging';

/** CSV-01: donor-intake's step records (its journey decisions) can no longer be changed. */
export const MakeStepRecordsAppendOnly1764930000000 = stepRecordAppendOnlyMigration(
  'donor_intake',
  'MakeStepRecordsAppendOnly1764930000000',
);
