import { setAsideMigration } from '@v2v/messaging';

/** CSV-04: what production cannot apply or publish is set aside with its reason. */
export const SetAsideUnappliedMessages1765000510000 = setAsideMigration(
  'production',
  'SetAsideUnappliedMessages1765000510000',
  { inbox: false, outbox: true },
);
