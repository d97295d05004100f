import { stepIdentityMigration } from '@v2v/messaging';

/** CSV-04: release's step records, one per journey step occurrence, whatever the event id. */
export const KeyStepRecordsByJourneyStep1765000420000 = stepIdentityMigration(
  'release',
  'KeyStepRecordsByJourneyStep1765000420000',
);
