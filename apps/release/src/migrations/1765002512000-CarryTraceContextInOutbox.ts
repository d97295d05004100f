import { outboxTraceparentMigration } from '@v2v/messaging';

/** The outbox rows keep the trace that wrote them, so the relay publishes them in it. */
export const CarryTraceContextInOutbox1765002512000 = outboxTraceparentMigration(
  'release',
  'CarryTraceContextInOutbox1765002512000',
);
