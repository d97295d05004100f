import { stepIdentityMigration } from '@v2v/messaging';

/** CSV-04: donor-intake's step records, one per journey step occurrence, whatever the event id. */
export const KeyStepRecordsByJourneyStep1765000400000 = stepIdentityMigration(
  'donor_intake',
  'KeyStepRecordsByJourneyStep1765000400000',
);
