import { refusalRecordMigration } from '@v2v/messaging';

export const CreateRefusalRecords1764910000030 = refusalRecordMigration(
  'release',
  ['audit_entry', 'shipper_qualification_decision'],
  'CreateRefusalRecords1764910000030',
);
