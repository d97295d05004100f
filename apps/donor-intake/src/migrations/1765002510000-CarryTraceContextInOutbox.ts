import { outboxTraceparentMigration } from '@v2v/messaging';

/** The outbox rows keep the trace that wrote them, so the relay publishes them in it. */
export const CarryTraceContextInOutbox1765002510000 = outboxTraceparentMigration(
  'donor_intake',
  'CarryTraceContextInOutbox1765002510000',
);
