import { z } from 'zod';
import { actorSchema, type Actor } from '../journey/actor';

/**
 * TRC-04: what an institution's notification feed tells it. `journey-status`, `deviation` and
 * `recall` come from the custody events; `training-due` from the gateway's training records
 * (a clinician's training for a hospital-signed step expires soon); `instructions-for-use` is
 * the place later work fills (a row of NOTIFIED_EVENTS, from the events it adds).
 */
export const NOTIFICATION_KINDS = [
  'journey-status',
  'deviation',
  'recall',
  'instructions-for-use',
  'training-due',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** `urgent` ones must be acknowledged within the feed's limit, or they are listed overdue. */
export const NOTIFICATION_SEVERITIES = ['info', 'attention', 'urgent'] as const;
export type NotificationSeverity = (typeof NOTIFICATION_SEVERITIES)[number];

/**
 * What a notification may carry for its text, each taken from the event (see the donor-intake
 * mapping): the console renders `messageCode` in zh or en with these, never a stored sentence.
 */
export const NOTIFICATION_PARAMETERS = [
  'deviationId',
  'rule',
  'description',
  'reason',
  'batchNumber',
  'courier',
  'shippedAt',
  'recallId',
  'classification',
  // training-due (OTH-02): whose training for which step expires when; no event carries them.
  'username',
  'operation',
  'expiresOn',
] as const;
export type NotificationParameter = (typeof NOTIFICATION_PARAMETERS)[number];

interface NotifiedEvent {
  kind: NotificationKind;
  severity: NotificationSeverity;
  /** The console's message key; the parameters fill it. */
  messageCode: string;
  parameters: readonly NotificationParameter[];
}

/**
 * TRC-04: the events a hospital must hear of, by message type; any other event makes no
 * notification. Left out on purpose: the site's own steps (screening, collection, storage,
 * hand-over, receipt at site, infusion, follow-up: it recorded them), and the factory's inner
 * steps (batch start, batch steps, key-material use, completion, QC results), whose outcome
 * reaches the site as a release, a rejection or a deviation. A late out-of-specification result
 * after a conditional release arrives as `deviation.raised.v1` from the release service.
 */
export const NOTIFIED_EVENTS = {
  'deviation.raised.v1': {
    kind: 'deviation',
    severity: 'urgent',
    messageCode: 'deviation-raised',
    parameters: ['deviationId', 'rule', 'description', 'batchNumber'],
  },
  // The material the site sent arrived, was released to production, or was rejected (the site
  // may be asked to collect again).
  'donor-material.received.v1': {
    kind: 'journey-status',
    severity: 'info',
    messageCode: 'material-received-at-factory',
    parameters: [],
  },
  'donor-material.released.v1': {
    kind: 'journey-status',
    severity: 'info',
    messageCode: 'material-released',
    parameters: [],
  },
  'donor-material.rejected.v1': {
    kind: 'journey-status',
    severity: 'attention',
    messageCode: 'material-rejected',
    parameters: ['reason'],
  },
  // The patient's batch failed or is made again: the planned infusion date moves.
  'batch.rejected-in-production.v1': {
    kind: 'journey-status',
    severity: 'attention',
    messageCode: 'batch-rejected-in-production',
    parameters: ['reason'],
  },
  'batch.remanufacture-approved.v1': {
    kind: 'journey-status',
    severity: 'attention',
    messageCode: 'batch-remanufacture-approved',
    parameters: ['reason'],
  },
  'batch.released.v1': {
    kind: 'journey-status',
    severity: 'info',
    messageCode: 'batch-released',
    parameters: [],
  },
  'batch.rejected.v1': {
    kind: 'journey-status',
    severity: 'attention',
    messageCode: 'batch-rejected',
    parameters: ['reason'],
  },
  // A release withdrawn after the fact: product in hand or on its way must not be used.
  'batch.release-voided.v1': {
    kind: 'journey-status',
    severity: 'urgent',
    messageCode: 'release-voided',
    parameters: ['batchNumber', 'description'],
  },
  // The site prepares to receive the product.
  'product.shipped.v1': {
    kind: 'journey-status',
    severity: 'info',
    messageCode: 'product-shipped',
    parameters: ['courier', 'shippedAt'],
  },
  // A reaction reported by one of the site's clinicians: the others caring for the patient
  // hear of it (TRC-04: the product-use record back).
  'adverse-reaction.reported.v1': {
    kind: 'journey-status',
    severity: 'attention',
    messageCode: 'adverse-reaction-reported',
    parameters: ['description'],
  },
  // QA-04, TRC-04: the site's patient's product is recalled; it is not to be used.
  'recall.notified.v1': {
    kind: 'recall',
    severity: 'urgent',
    messageCode: 'product-recalled',
    parameters: ['recallId', 'classification', 'reason', 'description'],
  },
  'journey.cancelled.v1': {
    kind: 'journey-status',
    severity: 'attention',
    messageCode: 'journey-cancelled',
    parameters: ['reason'],
  },
} as const satisfies Record<string, NotifiedEvent>;

/** One acknowledgement, recorded once and never changed. */
export interface NotificationAcknowledgement {
  acknowledgedBy: Actor;
  acknowledgedAt: string;
  note: string | null;
}

/** A notification as the feed lists it (TRC-04). */
export interface InstitutionNotification {
  id: string;
  institutionId: string;
  /** Null on an institution-wide notification (training-due), which concerns no patient. */
  donorCode: string | null;
  kind: NotificationKind;
  severity: NotificationSeverity;
  messageCode: string;
  parameters: Partial<Record<NotificationParameter, string>>;
  /** The event it was made from: one notification per event, however often delivered. */
  sourceEventId: string;
  sourceMessageType: string;
  occurredAt: string;
  recordedAt: string;
  acknowledgement: NotificationAcknowledgement | null;
  /** Urgent, unacknowledged and older than the acknowledgement limit, judged at read time. */
  overdue: boolean;
}

export interface NotificationPage {
  notifications: InstitutionNotification[];
  /** Pass as `?cursor=` for the next (older) page; null on the last one. */
  nextCursor: string | null;
}

/**
 * The one answer for a notification the caller may not see, on every route: that of an unknown
 * id (TRC-04, CSV-03).
 */
export function noNotificationMessage(notificationId: string): string {
  return `no notification ${notificationId}`;
}

/** The feed's query (`GET /api/notifications`, and donor-intake's internal one). */
export const notificationFeedQuerySchema = z.strictObject({
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, 'a cursor from a previous page')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  unacknowledged: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  institutionId: z.string().min(1).max(64).optional(),
});
export type NotificationFeedQuery = z.infer<typeof notificationFeedQuerySchema>;

/** The hospital's acknowledgement: `POST /api/notifications/{id}/acknowledgement` (gateway). */
export const notificationAcknowledgementSchema = z.strictObject({
  note: z.string().trim().min(1).max(500).optional(),
});
export type NotificationAcknowledgementBody = z.infer<typeof notificationAcknowledgementSchema>;

/** The command donor-intake records it from: who, for which institution (checked again there). */
export const acknowledgeNotificationCommandSchema = notificationAcknowledgementSchema.extend({
  acknowledgedBy: actorSchema,
  institutionId: z.string().min(1).max(64),
});
export type AcknowledgeNotificationCommand = z.infer<typeof acknowledgeNotificationCommandSchema>;
