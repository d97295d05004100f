import { refusalRecordMigration } from '@v2v/messaging';

export const CreateRefusalRecords1764910000010 = refusalRecordMigration(
  'donor_intake',
  [
    'audit_entry',
    'temperature_reading',
    'deviation_closure',
    'quality_agreement',
    'institution_decision',
    'institution_notice',
    'shipper_qualification_decision',
  ],
  'CreateRefusalRecords1764910000010',
);
