import { electronicSignatureMigration } from '@v2v/signatures';

/**
 * CSV-02: the signatures donor-intake records its signed decisions with, checked and kept by it.
 */
export const CreateElectronicSignatures1764920000000 = electronicSignatureMigration(
  'donor_intake',
  'CreateElectronicSignatures1764920000000',
);
