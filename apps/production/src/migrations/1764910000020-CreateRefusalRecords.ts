import { refusalRecordMigration } from '@v2v/messaging';

export const CreateRefusalRecords1764910000020 = refusalRecordMigration(
  'production',
  ['audit_entry', 'product_specification', 'key_material_consumption'],
  'CreateRefusalRecords1764910000020',
);
