import { setAsideMigration } from '@v2v/messaging';

/** CSV-04: what gateway cannot apply or publish is set aside with its reason. */
export const SetAsideUnappliedMessages1765000540000 = setAsideMigration(
  'gateway',
  'SetAsideUnappliedMessages1765000540000',
  { inbox: false, outbox: true },
);
