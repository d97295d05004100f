import { z } from 'zod';
import { plausibleInstant } from '../events/plausible-instant';
import { actorSchema } from '../journey/actor';
import { electronicSignatureSchema, signatureRequestSchema } from '../journey/electronic-signature';

/*
 * The sample register and its retention exceptions (QA-01, §10(1)) as a shared contract: the
 * bodies the gateway validates at the edge and publishes, and the commands the release service
 * accepts on its internal API (the body plus what the gateway adds: actor, event id, the lot's
 * expiry as production knows it, the decoded label photo's hash, the sealed signature). The
 * release service owns the rules; what a kind of exception needs is refused there as QA-01, so
 * the fields are optional in the shape on purpose.
 */

/** A QC sample is taken to be tested; a retention sample is kept for later investigation. */
export const SAMPLE_PURPOSES = ['qc', 'retention'] as const;
export type SamplePurpose = (typeof SAMPLE_PURPOSES)[number];

/** What a journey's sample is of; a key-material lot's sample belongs to no journey. */
export const JOURNEY_SAMPLE_SUBJECTS = ['donor-material', 'intermediate', 'final-product'] as const;
export const SAMPLE_SUBJECTS = [...JOURNEY_SAMPLE_SUBJECTS, 'key-material-lot'] as const;
export type SampleSubject = (typeof SAMPLE_SUBJECTS)[number];

/**
 * The seed's exceptions to retention (§10(1)1, 3②–⑤), each a signed decision of the qualified
 * person with its rationale and what its kind needs (retention-rules.ts).
 */
export const RETENTION_EXCEPTION_KINDS = [
  'donor-material-not-retained',
  'product-not-retained',
  'retention-shortened',
  'intermediate-retained',
  'frozen-retention',
] as const;
export type RetentionExceptionKind = (typeof RETENTION_EXCEPTION_KINDS)[number];

export const LABEL_PHOTO_CONTENT_TYPES = ['image/png', 'image/jpeg'] as const;
export type LabelPhotoContentType = (typeof LABEL_PHOTO_CONTENT_TYPES)[number];
/** The largest label photo kept (2 MiB, decoded). */
export const LABEL_PHOTO_MAX_BYTES = 2 * 1024 * 1024;
/**
 * The JSON body limit of the routes that carry a label photo: its base64 (4/3 of 2 MiB) and
 * the decision's text. Every other route keeps the default; a larger body is answered 413.
 */
export const RETENTION_EXCEPTION_BODY_LIMIT = 2_850_000;

const text = (max: number) => z.string().trim().min(1).max(max);

const sampleFields = {
  purpose: z.enum(SAMPLE_PURPOSES),
  quantity: z.number().positive().finite(),
  unit: text(16).describe('e.g. mL, vial, bag, 10^6 cells'),
  container: text(200),
  storageLocation: text(200),
  storageCondition: text(200).describe('e.g. "≤ -150 °C vapour phase LN2"'),
  retentionUntil: z.iso
    .date()
    .optional()
    .describe('the last day the sample is kept; required for a retention sample (QA-01)'),
  takenAt: plausibleInstant(),
};

/** A sample of a journey's donor material, an intermediate or the final product, by the caller. */
export const journeySampleSchema = z.strictObject({
  subject: z.enum(JOURNEY_SAMPLE_SUBJECTS),
  batchNumber: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/)
    .optional()
    .describe('the batch of an intermediate or the final product; required for them'),
  ...sampleFields,
});
export type JourneySampleRequest = z.infer<typeof journeySampleSchema>;

/** A sample of a key-material lot (§10(1)2): kept at least to the lot's expiry. */
export const lotSampleSchema = z.strictObject(sampleFields);
export type LotSampleRequest = z.infer<typeof lotSampleSchema>;

/** The subject as release records it: a journey's, or a lot's with its expiry. */
const commandSubjectSchema = z.discriminatedUnion('subject', [
  z.strictObject({
    subject: z.enum(JOURNEY_SAMPLE_SUBJECTS),
    donorCode: z.string().min(1).max(32),
    batchNumber: journeySampleSchema.shape.batchNumber,
  }),
  z.strictObject({
    subject: z.literal('key-material-lot'),
    materialCode: text(32),
    lotId: text(64),
    /** The lot's expiry, read from production by the gateway, not stated by the requester. */
    lotExpiresOn: z.iso.date(),
  }),
]);

export const recordSampleCommandSchema = z.intersection(
  commandSubjectSchema,
  z.strictObject({
    ...sampleFields,
    /** The write's idempotency key, derived from the caller's Idempotency-Key. */
    eventId: z.uuid(),
    recordedBy: actorSchema,
  }),
);
export type RecordSampleCommand = z.infer<typeof recordSampleCommandSchema>;

/** The label photo as uploaded: base64 in the JSON body. */
export const labelPhotoUploadSchema = z.strictObject({
  contentType: z.enum(LABEL_PHOTO_CONTENT_TYPES),
  base64: z.base64().min(4),
});

const exceptionFields = {
  kind: z.enum(RETENTION_EXCEPTION_KINDS),
  rationale: text(4000),
  evaluationReportReference: text(200)
    .optional()
    .describe('retention-shortened: the evaluation report (QA-01)'),
  sampleId: z
    .uuid()
    .optional()
    .describe(
      'intermediate-retained: the intermediate retention sample; frozen-retention: the frozen one',
    ),
};

/**
 * A retention exception at the gateway, signed with the password re-entered. The photo of the
 * product label is required for product-not-retained (QA-01), PNG or JPEG up to 2 MiB.
 */
export const retentionExceptionSchema = z.strictObject({
  ...exceptionFields,
  labelPhoto: labelPhotoUploadSchema.optional(),
  signature: signatureRequestSchema,
});
export type RetentionExceptionRequest = z.infer<typeof retentionExceptionSchema>;

const exceptionOfJourney = z.strictObject({
  donorCode: z.string().min(1).max(32),
  ...exceptionFields,
});

/** What is signed: the decision without the photo's bytes, bound to them by their SHA-256. */
export type RetentionExceptionDetail = z.infer<typeof exceptionOfJourney> & {
  labelPhotoSha256?: string;
};

/** Would this exception be accepted? Asked by the gateway before anything is signed. */
export const checkRetentionExceptionCommandSchema = exceptionOfJourney.extend({
  labelPhoto: labelPhotoUploadSchema.optional(),
  decidedBy: actorSchema,
});
export type CheckRetentionExceptionCommand = z.infer<typeof checkRetentionExceptionCommandSchema>;

export const decideRetentionExceptionCommandSchema = checkRetentionExceptionCommandSchema.extend({
  /** The decision's idempotency key, also the signed record's id. */
  eventId: z.uuid(),
  /** The electronic signature the gateway sealed for this decision (CSV-02). */
  signature: electronicSignatureSchema,
});
export type DecideRetentionExceptionCommand = z.infer<typeof decideRetentionExceptionCommandSchema>;

/** The record type a retention exception's signature names; its record id is the event id. */
export const RETENTION_EXCEPTION_RECORD = 'retention-exception';

/**
 * The signed detail of an exception, built alike by the gateway at signing and by release when
 * it records the decision: absent fields left out, the photo by its hash.
 */
export function retentionExceptionDetail(
  input: Omit<RetentionExceptionDetail, 'labelPhotoSha256'>,
  labelPhotoSha256: string | undefined,
): RetentionExceptionDetail {
  const detail: RetentionExceptionDetail = {
    donorCode: input.donorCode,
    kind: input.kind,
    rationale: input.rationale,
  };
  if (input.evaluationReportReference)
    detail.evaluationReportReference = input.evaluationReportReference;
  if (input.sampleId) detail.sampleId = input.sampleId;
  if (labelPhotoSha256) detail.labelPhotoSha256 = labelPhotoSha256;
  return detail;
}

/** An item of QA-01 still open for a journey: QA-01.1 donor material, QA-01.3 final product. */
export interface RetentionOpenItem {
  item: 'QA-01.1' | 'QA-01.3';
  subject: 'donor-material' | 'final-product';
  message: string;
}

/** The QA-01 standing of a journey: settled when no item is open. */
export interface RetentionStanding {
  donorCode: string;
  settled: boolean;
  items: RetentionOpenItem[];
}
