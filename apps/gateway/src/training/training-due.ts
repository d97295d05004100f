import { createHash } from 'node:crypto';
import { z } from 'zod';

/** How many days before its expiry a record comes due, unless TRAINING_DUE_DAYS says. */
export const DEFAULT_TRAINING_DUE_DAYS = 30;

/**
 * OTH-02: the days of notice from TRAINING_DUE_DAYS (1 to 365), read once at boot; a value that
 * is not a number of days stops the boot rather than being ignored.
 */
export function trainingDueDays(env: NodeJS.ProcessEnv): number {
  const raw = env.TRAINING_DUE_DAYS;
  if (raw === undefined || raw === '') return DEFAULT_TRAINING_DUE_DAYS;
  const days = z.coerce.number().int().min(1).max(365).safeParse(raw);
  if (!days.success) throw new Error(`TRAINING_DUE_DAYS=${raw} is not a whole 1 to 365 days`);
  return days.data;
}

/** OTH-02: the last expiry date that is due on `today` (ISO dates) with `days` of notice. */
export function trainingDueUntil(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * TRC-04: the notice's source id, the same for a record and its expiry however often it is
 * sent (the feed keeps one per source id): a name-based uuid (version 5 layout, SHA-256).
 */
export function trainingDueEventId(record: { id: string; expiresOn: string }): string {
  const hex = createHash('sha256')
    .update(`training-due:${record.id}:${record.expiresOn}`)
    .digest('hex')
    .slice(0, 32)
    .split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
