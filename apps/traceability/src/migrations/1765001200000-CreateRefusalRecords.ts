import { refusalRecordMigration } from '@v2v/messaging';

/**
 * CSV-03: the activities the traceability worker refused (its release gate, QA-02.4), kept where
 * the ledger is, as every service with an activity worker keeps its own.
 */
export const CreateRefusalRecords1765001200000 = refusalRecordMigration(
  'traceability',
  'CreateRefusalRecords1765001200000',
);
