import type { InstitutionNotification } from '@v2v/contracts';

/** How pressing a notification is: an overdue one first, then urgent unacknowledged ones. */
function pressing(n: InstitutionNotification): number {
  if (n.overdue) return 0;
  if (n.severity === 'urgent' && !n.acknowledgement) return 1;
  return 2;
}

/**
 * The feed's page as the hospital reads it (TRC-04): what waits for its acknowledgement and is
 * urgent on top, overdue first; the rest stays newest first as the gateway pages it.
 */
export function urgentFirst(page: readonly InstitutionNotification[]): InstitutionNotification[] {
  return page
    .map((n, i) => ({ n, i }))
    .sort((a, b) => pressing(a.n) - pressing(b.n) || a.i - b.i)
    .map(({ n }) => n);
}

/**
 * The i18n key and values of a notification's text: the console renders `messageCode` with
 * the event's parameters in the user's language (the feed stores no sentence). An unknown code
 * (a newer service) falls back to a generic text that still names it.
 */
export function notificationText(
  n: Pick<InstitutionNotification, 'messageCode' | 'parameters' | 'donorCode'>,
  known: (key: string) => boolean,
): { key: string; values: Record<string, string> } {
  const key = `notifications.messages.${n.messageCode}`;
  // An institution-wide notification (training due) names no donor.
  const values = { ...n.parameters, donorCode: n.donorCode ?? '', messageCode: n.messageCode };
  return known(key) ? { key, values } : { key: 'notifications.messages.unknown', values };
}

/** What the menu's badge counts: the unacknowledged ones of the first page, capped. */
export const BADGE_PAGE = 100;
