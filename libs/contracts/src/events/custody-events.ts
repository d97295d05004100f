import { z } from 'zod';

/** Kafka topics, one per producing service; the message key is the donor unique code. */
export const TOPICS = {
  donorIntake: 'v2v.donor-intake.events.v1',
  production: 'v2v.production.events.v1',
  release: 'v2v.release.events.v1',
} as const;
export const ALL_TOPICS = Object.values(TOPICS);

export const CUSTODY_EVENT_TYPES = [
  'donor.registered.v1',
  'donor.screened.v1',
  'collection.scheduled.v1',
  'collection.postponed.v1',
  'donor-material.collected.v1',
  'donor-material.stored.v1',
  'donor-material.handed-to-courier.v1',
  'donor-material.received.v1',
  'donor-material.released.v1',
  'donor-material.rejected.v1',
  'deviation.raised.v1',
  'journey.cancelled.v1',
  'batch.started.v1',
  'batch.step-started.v1',
  'batch.step-completed.v1',
  'key-material.consumed.v1',
  'batch.completed.v1',
  'batch.rejected-in-production.v1',
  'batch.remanufacture-approved.v1',
  'qc-result.recorded.v1',
  'batch.released.v1',
  'batch.rejected.v1',
  'batch.release-voided.v1',
  'product.shipped.v1',
  'product.received-at-site.v1',
  'product.thawed.v1',
  'product.infused.v1',
  'follow-up.completed.v1',
  'adverse-reaction.reported.v1',
  'recall.notified.v1',
  'recall.unit-dispositioned.v1',
] as const;
export type CustodyEventType = (typeof CUSTODY_EVENT_TYPES)[number];

const actorSchema = z.strictObject({ userId: z.string(), role: z.string() });

/** The payload of every custody event: who did what to which donor's material. */
export const custodyEventPayloadSchema = z.strictObject({
  donorCode: z.string().min(1),
  journeyId: z.string().min(1),
  actor: actorSchema,
  /** The owning service's record id for this step. */
  recordId: z.string().min(1),
  summary: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type CustodyEventPayload = z.infer<typeof custodyEventPayloadSchema>;

/** `donor.registered.v1` also links the donor to the pseudonymous patient reference. */
export const donorRegisteredPayloadSchema = custodyEventPayloadSchema.extend({
  detail: z.looseObject({
    patientReference: z.string().min(1),
    institutionId: z.string().min(1),
    productCode: z.string().min(1),
  }),
});

/**
 * `deviation.raised.v1` of an environmental monitoring excursion (PRD-05): production raises it
 * on each exposed batch's journey; its detail carries the journey's deviation notice.
 */
export const emDeviationPayloadSchema = custodyEventPayloadSchema.extend({
  detail: z.looseObject({
    source: z.literal('em-excursion'),
    deviationId: z.string().min(1),
    rule: z.literal('PRD-05'),
    excursionId: z.string().min(1),
    detectedAt: z.iso.datetime({ offset: true }),
    description: z.string().min(1),
  }),
});
