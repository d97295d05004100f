import { stepIdentityMigration } from '@v2v/messaging';

/** CSV-04: production's step records, one per journey step occurrence, whatever the event id. */
export const KeyStepRecordsByJourneyStep1765000410000 = stepIdentityMigration(
  'production',
  'KeyStepRecordsByJourneyStep1765000410000',
);
