import { setAsideMigration } from '@v2v/messaging';

/** CSV-04: what donor-intake cannot apply or publish is set aside with its reason. */
export const SetAsideUnappliedMessages1765000500000 = setAsideMigration(
  'donor_intake',
  'SetAsideUnappliedMessages1765000500000',
  { inbox: true, outbox: true },
);
