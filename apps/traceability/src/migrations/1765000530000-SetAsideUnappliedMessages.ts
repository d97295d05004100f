import { setAsideMigration } from '@v2v/messaging';

/** CSV-04: what traceability cannot apply or publish is set aside with its reason. */
export const SetAsideUnappliedMessages1765000530000 = setAsideMigration(
  'traceability',
  'SetAsideUnappliedMessages1765000530000',
  { inbox: true, outbox: false },
);
