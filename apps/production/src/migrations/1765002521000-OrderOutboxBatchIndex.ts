import { outboxBatchIndexMigration } from '@v2v/messaging';

/** The relay reads its next batch through an index in the batch's order (P4). */
export const OrderOutboxBatchIndex1765002521000 = outboxBatchIndexMigration(
  'production',
  'OrderOutboxBatchIndex1765002521000',
);
