import { z } from 'zod';
import {
  custodyEventPayloadSchema,
  DomainError,
  type EventEnvelope,
  type InstitutionNotification,
  isValidDonorCode,
  NOTIFIED_EVENTS,
  noNotificationMessage,
  type NotificationKind,
  type NotificationParameter,
  type NotificationSeverity,
  plausibleInstant,
  RECALL_CLASSIFICATIONS,
} from '@v2v/contracts';

/**
 * The longest text a notification keeps from an event. The producers' own texts are far
 * shorter; a longer one is a broken or hostile message, set aside rather than stored and shown.
 */
export const NOTIFICATION_TEXT_MAX = 2000;

/** A notification as the consumer makes it, before the donor register names its institution. */
export interface NotificationDraft {
  donorCode: string;
  kind: NotificationKind;
  severity: NotificationSeverity;
  messageCode: string;
  parameters: Partial<Record<NotificationParameter, string>>;
  sourceEventId: string;
  sourceMessageType: string;
  occurredAt: string;
}

const notifiedPayloadSchema = custodyEventPayloadSchema.extend({
  donorCode: z.string().refine(isValidDonorCode, 'a donor unique code with its check character'),
  summary: z.string().max(NOTIFICATION_TEXT_MAX),
});
type NotifiedPayload = z.infer<typeof notifiedPayloadSchema>;

const text = z.string().trim().max(NOTIFICATION_TEXT_MAX);
/** Where each parameter is read in the event, and what it must be. */
const PARAMETERS: Record<
  NotificationParameter,
  { read: (p: NotifiedPayload) => unknown; schema: z.ZodType<string> }
> = {
  // Deviations name their id in the detail; where one does not, its record id is that id.
  deviationId: { read: (p) => p.detail.deviationId ?? p.recordId, schema: z.string().max(128) },
  rule: { read: (p) => p.detail.rule, schema: z.string().max(32) },
  description: { read: (p) => p.summary, schema: text },
  reason: { read: (p) => p.detail.reason, schema: text },
  // An EM excursion may expose a journey whose batch has no number yet (null).
  batchNumber: { read: (p) => p.detail.batchNumber ?? undefined, schema: z.string().max(64) },
  courier: { read: (p) => p.detail.courier, schema: z.string().max(200) },
  // Year 0 and the like are refused; the future bound is the journey's to judge, not the feed's.
  shippedAt: { read: (p) => p.detail.shippedAt, schema: plausibleInstant({ notAfter: false }) },
  recallId: { read: (p) => p.detail.recallId, schema: z.uuid() },
  classification: { read: (p) => p.detail.classification, schema: z.enum(RECALL_CLASSIFICATIONS) },
  // Only training-due notices carry these (RecordTrainingDueUseCase); no NOTIFIED_EVENTS row.
  username: { read: (p) => p.detail.username, schema: z.string().max(64) },
  operation: { read: (p) => p.detail.operation, schema: z.string().max(64) },
  expiresOn: { read: (p) => p.detail.expiresOn, schema: z.iso.date() },
};

/**
 * TRC-04: the notification an event makes for its donor's institution, or undefined when the
 * site need not hear of it (NOTIFIED_EVENTS). Only the parts a notification carries are
 * checked, each strictly: a wrong type, an oversized text or an impossible instant throws a
 * ZodError, which the consumer sets aside (CSV-04) instead of showing a hospital.
 */
export function notificationFor(envelope: EventEnvelope): NotificationDraft | undefined {
  const notified = (
    NOTIFIED_EVENTS as Record<string, (typeof NOTIFIED_EVENTS)[keyof typeof NOTIFIED_EVENTS]>
  )[envelope.messageType];
  if (!notified) return undefined;
  const payload = notifiedPayloadSchema.parse(envelope.payload);
  if (payload.donorCode !== envelope.aggregateId) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `event ${envelope.id} is keyed ${envelope.aggregateId} but names donor code ${payload.donorCode} (TRC-04)`,
    );
  }
  const names: readonly NotificationParameter[] = notified.parameters;
  const read = Object.fromEntries(
    names
      .map((name) => [name, PARAMETERS[name].read(payload)] as const)
      .filter(([, value]) => value !== undefined),
  );
  const shape = Object.fromEntries(names.map((name) => [name, PARAMETERS[name].schema.optional()]));
  const parameters = z.strictObject(shape).parse(read) as NotificationDraft['parameters'];
  return {
    donorCode: payload.donorCode,
    kind: notified.kind,
    severity: notified.severity,
    messageCode: notified.messageCode,
    parameters,
    sourceEventId: envelope.id,
    sourceMessageType: envelope.messageType,
    occurredAt: envelope.occurredAt,
  };
}

/** How long an urgent notification may wait for its acknowledgement, unless configured. */
export const DEFAULT_ACKNOWLEDGEMENT_LIMIT_HOURS = 4;
const limitHoursSchema = z.coerce.number().positive().max(168);

/**
 * The acknowledgement limit from NOTIFICATION_ACKNOWLEDGEMENT_LIMIT_HOURS (up to a week), read
 * once at boot; a value that is not a number of hours stops the boot rather than being ignored.
 */
export function acknowledgementLimitMs(env: NodeJS.ProcessEnv): number {
  const raw = env.NOTIFICATION_ACKNOWLEDGEMENT_LIMIT_HOURS;
  if (raw === undefined || raw === '') return DEFAULT_ACKNOWLEDGEMENT_LIMIT_HOURS * 3_600_000;
  const hours = limitHoursSchema.safeParse(raw);
  if (!hours.success)
    throw new Error(`NOTIFICATION_ACKNOWLEDGEMENT_LIMIT_HOURS=${raw} is not 0 < hours <= 168`);
  return hours.data * 3_600_000;
}

/**
 * TRC-04: an urgent notification still unacknowledged when the limit has run since it entered
 * the feed (the earliest the site could read it). Judged at read time, so no timer is needed.
 */
export function isAcknowledgementOverdue(
  notification: Pick<InstitutionNotification, 'severity' | 'recordedAt' | 'acknowledgement'>,
  now: Date,
  limitMs: number,
): boolean {
  return (
    notification.severity === 'urgent' &&
    notification.acknowledgement === null &&
    now.getTime() - Date.parse(notification.recordedAt) >= limitMs
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path value can name a notification at all (its ids are uuids). */
export const isNotificationId = (value: string): boolean => UUID.test(value);

/**
 * TRC-04, CSV-03: a notification is acknowledged only by its own institution; another
 * institution's is answered exactly as an unknown id (404), so ids reveal nothing.
 */
export function requireOwnNotification<T extends { institutionId: string }>(
  notification: T | undefined,
  notificationId: string,
  institutionId: string,
): T {
  if (!notification || notification.institutionId !== institutionId)
    throw new DomainError('NOT_FOUND', noNotificationMessage(notificationId));
  return notification;
}

/** Where a page ended: the last notification's time and id (the feed's order). */
export interface FeedPosition {
  occurredAt: string;
  id: string;
}

const positionSchema = z.tuple([z.iso.datetime(), z.uuid()]);

export function encodeFeedCursor(position: FeedPosition): string {
  return Buffer.from(JSON.stringify([position.occurredAt, position.id])).toString('base64url');
}

/** The position a cursor of this feed encodes; VALIDATION_FAILED for anything else. */
export function decodeFeedCursor(cursor: string): FeedPosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const position = positionSchema.safeParse(decoded);
  if (!position.success)
    throw new DomainError(
      'VALIDATION_FAILED',
      `cursor ${cursor} is not one this feed gave (TRC-04)`,
    );
  return { occurredAt: position.data[0], id: position.data[1] };
}
