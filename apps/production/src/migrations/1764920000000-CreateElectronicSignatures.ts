import { electronicSignatureMigration } from '@v2v/signatures';

/** CSV-02: the signatures production records its signed decisions with, checked and kept by it. */
export const CreateElectronicSignatures1764920000000 = electronicSignatureMigration(
  'production',
  'CreateElectronicSignatures1764920000000',
);
