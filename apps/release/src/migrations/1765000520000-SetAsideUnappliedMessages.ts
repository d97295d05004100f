import { setAsideMigration } from '@v2v/messaging';

/** CSV-04: what release cannot apply or publish is set aside with its reason. */
export const SetAsideUnappliedMessages1765000520000 = setAsideMigration(
  'release',
  'SetAsideUnappliedMessages1765000520000',
  { inbox: false, outbox: true },
);
