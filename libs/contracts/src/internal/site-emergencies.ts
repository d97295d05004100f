import { z } from 'zod';
import { plausibleInstant } from '../events/plausible-instant';
import { actorSchema } from '../journey/actor';
import { closeDeviationCommandSchema } from './donor-intake';

/*
 * QA-04 (§10(4), §12): emergencies found at the treatment site, by the receipt inspection or
 * reported by the hospital after it; each holds the product until QA closes it.
 */

/** What the receipt inspection finds (TRC-03: a wrong label is one). */
export const SITE_RECEIPT_EMERGENCY_KINDS = [
  'damaged-packaging',
  'damaged-bag',
  'lost-label',
  'illegible-label',
  'wrong-label',
] as const;

/** What the hospital may report after the receipt. */
export const SITE_REPORT_EMERGENCY_KINDS = [
  'damaged-bag',
  'wrong-label',
  'illegible-label',
  'lost-label',
  'temperature-excursion-in-use',
  'other',
] as const;
export type SiteEmergencyKind =
  (typeof SITE_RECEIPT_EMERGENCY_KINDS)[number] | (typeof SITE_REPORT_EMERGENCY_KINDS)[number];

/** The body of the hospital's emergency report. */
export const siteEmergencyReportSchema = z.strictObject({
  kind: z.enum(SITE_REPORT_EMERGENCY_KINDS),
  /** When it was found (GEN-01: not in the future, not before 2000). */
  foundAt: plausibleInstant(),
  description: z.string().trim().min(1).max(2000),
});
export type SiteEmergencyReport = z.infer<typeof siteEmergencyReportSchema>;

/** The command the release service records it from: the body, the reporter and the event id. */
export const reportSiteEmergencyCommandSchema = siteEmergencyReportSchema.extend({
  donorCode: z.string().min(1).max(64),
  eventId: z.string().min(1).max(100),
  reportedBy: actorSchema,
});
export type ReportSiteEmergencyCommand = z.infer<typeof reportSiteEmergencyCommandSchema>;

/** What becomes of the product once QA closed its emergency (QA-04). */
export const EMERGENCY_DISPOSITIONS = ['use', 'destroy', 'return-to-manufacturer'] as const;
export type EmergencyDisposition = (typeof EMERGENCY_DISPOSITIONS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * QA-04 (§10(4)): what QA decides when closing an emergency on the product, besides the
 * investigation, root cause and corrective action: the preventive action (CAPA), the product's
 * disposition and whether a recall is needed (the id of the recall raised, or why not).
 */
export const emergencyDecisionSchema = z.strictObject({
  preventiveAction: text(2000),
  disposition: z.enum(EMERGENCY_DISPOSITIONS),
  recall: z.discriminatedUnion('decision', [
    z.strictObject({ decision: z.literal('not-needed'), rationale: text(2000) }),
    z.strictObject({ decision: z.literal('raised'), recallId: text(64) }),
  ]),
});
export type EmergencyDecision = z.infer<typeof emergencyDecisionSchema>;

/** QA's signed closure of an emergency on the product, with its decision (QA-04). */
export const closeProductEmergencyCommandSchema = closeDeviationCommandSchema.extend({
  emergency: emergencyDecisionSchema.optional(),
});
export type CloseProductEmergencyCommand = z.infer<typeof closeProductEmergencyCommandSchema>;
