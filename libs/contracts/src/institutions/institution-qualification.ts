import { z } from 'zod';
import { type Actor, ROLES } from '../journey/actor';

/**
 * DON-02: a medical institution's qualification. It is assessed, audited on site, approved
 * with a quality agreement, reviewed periodically, and may be suspended or removed. Every
 * change is QA's signed decision; a change of standing reaches that institution's running
 * journeys as a notice on their own topic.
 */
export const INSTITUTION_STATUSES = [
  'assessment',
  'on-site-audit',
  'approved',
  'suspended',
  'removed',
] as const;
export type InstitutionStatus = (typeof INSTITUTION_STATUSES)[number];

export const INSTITUTION_TOPIC = 'v2v.institutions.events.v1';
export const INSTITUTION_DECIDED_MESSAGE_TYPE = 'institution.qualification-decided.v1';

const text = (max: number) => z.string().trim().min(1).max(max);
const day = z.iso.date();

/** The quality agreement's required content, §7(4). */
export const qualityAgreementSchema = z
  .strictObject({
    reference: text(100),
    duties: text(4000),
    collectionMethod: text(4000),
    storageConditions: text(4000),
    qualityStandards: text(4000),
    receiptProcedure: text(4000),
    productUse: text(4000),
    effectiveFrom: day,
    expiresOn: day,
  })
  .refine((a) => a.effectiveFrom < a.expiresOn, {
    message: 'expiresOn must be after effectiveFrom',
    path: ['expiresOn'],
  });
export type QualityAgreement = z.infer<typeof qualityAgreementSchema>;

const outcome = z.enum(['passed', 'failed']);

/** The decisions QA signs, each with the evidence it rests on. */
export const institutionDecisionSchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('complete-assessment'), outcome, findings: text(4000) }),
  z
    .strictObject({
      decision: z.literal('record-on-site-audit'),
      outcome,
      auditedOn: day,
      auditors: z.array(text(100)).min(1).max(10),
      findings: text(4000),
      qualityAgreement: qualityAgreementSchema.optional(),
      nextReviewDue: day.optional(),
    })
    .refine((d) => d.outcome === 'failed' || (d.qualityAgreement && d.nextReviewDue), {
      message:
        'an on-site audit that passed approves the institution: a qualityAgreement and nextReviewDue are required (DON-02)',
      path: ['qualityAgreement'],
    }),
  z
    .strictObject({
      decision: z.literal('periodic-review'),
      outcome: z.enum(['continued', 'suspended']),
      reviewedOn: day,
      findings: text(4000),
      nextReviewDue: day.optional(),
      qualityAgreement: qualityAgreementSchema.optional(),
    })
    .refine((d) => d.outcome === 'suspended' || d.nextReviewDue, {
      message: 'a review that continues the approval sets nextReviewDue (DON-02)',
      path: ['nextReviewDue'],
    }),
  z.strictObject({ decision: z.literal('suspend'), reason: text(2000) }),
  z.strictObject({
    decision: z.literal('reinstate'),
    reason: text(2000),
    nextReviewDue: day,
    qualityAgreement: qualityAgreementSchema.optional(),
  }),
  z.strictObject({ decision: z.literal('remove'), reason: text(2000) }),
]);
export type InstitutionDecision = z.infer<typeof institutionDecisionSchema>;
export type InstitutionDecisionKind = InstitutionDecision['decision'];
export const INSTITUTION_DECISION_KINDS = institutionDecisionSchema.options.map(
  (o) => o.shape.decision.value,
) as InstitutionDecisionKind[];

/** Registering a candidate institution opens its assessment. */
export const institutionRegistrationSchema = z.strictObject({
  institutionId: z
    .string()
    .regex(/^INST-[A-Z0-9-]{1,32}$/, 'institutionId must look like INST-001'),
  name: text(200),
  facilityCode: z
    .string()
    .regex(/^[A-Z][0-9]{4}$/, 'facilityCode is one letter and four digits, e.g. H0004 (TRC-02)'),
});
export type InstitutionRegistration = z.infer<typeof institutionRegistrationSchema>;

/** The event of a decided change, and the notice each affected running journey receives. */
export interface InstitutionStandingNotice {
  decisionId: string;
  institutionId: string;
  decision: InstitutionDecisionKind;
  fromStatus: InstitutionStatus;
  status: InstitutionStatus;
  reason: string;
  decidedBy: Actor;
  decidedAt: string;
}

export const institutionStandingNoticeSchema = z.strictObject({
  decisionId: z.string().min(1),
  institutionId: z.string().min(1),
  decision: z.enum(
    INSTITUTION_DECISION_KINDS as [InstitutionDecisionKind, ...InstitutionDecisionKind[]],
  ),
  fromStatus: z.enum(INSTITUTION_STATUSES),
  status: z.enum(INSTITUTION_STATUSES),
  reason: z.string(),
  decidedBy: z.strictObject({ userId: z.string(), role: z.enum(ROLES) }),
  decidedAt: z.iso.datetime({ offset: true }),
}) satisfies z.ZodType<InstitutionStandingNotice>;
