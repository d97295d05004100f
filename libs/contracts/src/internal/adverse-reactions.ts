import { z } from 'zod';
import { plausibleInstant } from '../events/plausible-instant';
import { actorSchema } from '../journey/actor';

/*
 * An adverse reaction after the infusion, reported by the patient's hospital (TRC-04: the
 * product-use record back to the manufacturer): the body the gateway validates and publishes,
 * and the command the release service records it from (the body plus the reporter, the event
 * id and the journey's institution that the gateway adds).
 */

/** How the reaction turned out, at the time of the report. */
export const ADVERSE_REACTION_OUTCOMES = [
  'recovered',
  'recovering',
  'not-recovered',
  'recovered-with-sequelae',
  'fatal',
  'unknown',
] as const;
export type AdverseReactionOutcome = (typeof ADVERSE_REACTION_OUTCOMES)[number];

export const adverseReactionReportSchema = z.strictObject({
  description: z.string().trim().min(1).max(2000),
  /** When the reaction began: not before the infusion (checked where it is recorded). */
  onsetAt: plausibleInstant(),
  /** CTCAE grade: 1 mild … 5 death related to the adverse event. */
  severityGrade: z.number().int().min(1).max(5),
  /** Serious: death, life-threatening, hospitalisation, disability (ICH E2A). */
  serious: z.boolean(),
  outcome: z.enum(ADVERSE_REACTION_OUTCOMES),
});
export type AdverseReactionReport = z.infer<typeof adverseReactionReportSchema>;

export const reportAdverseReactionCommandSchema = adverseReactionReportSchema.extend({
  donorCode: z.string().min(1).max(64),
  eventId: z.string().min(1).max(100),
  reportedBy: actorSchema,
});
export type ReportAdverseReactionCommand = z.infer<typeof reportAdverseReactionCommandSchema>;

/** An adverse reaction as recorded, never changed. */
export interface AdverseReaction extends AdverseReactionReport {
  reactionId: string;
  donorCode: string;
  reportedBy: { userId: string; role: string };
  reportedAt: string;
}
