import { z } from 'zod';
import { actorSchema, type Actor } from '../journey/actor';
import type { InstructionsForUse } from '../journey/instructions-for-use';

/*
 * The instructions for use that travel with a shipment and the hospital's acknowledgement of
 * their receipt (OTH-01, §12(1)), as a shared contract: the gateway's body and the release
 * service's internal command (the body plus the actor and institution the gateway adds).
 */

/** The hospital acknowledges what travelled with the shipment; it states nothing else. */
export const acknowledgeInstructionsForUseSchema = z.strictObject({});
export type AcknowledgeInstructionsForUseRequest = z.infer<
  typeof acknowledgeInstructionsForUseSchema
>;

export const acknowledgeInstructionsForUseCommandSchema = z.strictObject({
  donorCode: z.string().min(1).max(32),
  acknowledgedBy: actorSchema,
  /** The acknowledging user's institution, from their account. */
  institutionId: z.string().min(1).max(64).nullable(),
});
export type AcknowledgeInstructionsForUseCommand = z.infer<
  typeof acknowledgeInstructionsForUseCommandSchema
>;

/** The hospital's acknowledgement of the instructions of one shipment: who and when. */
export interface InstructionsForUseAcknowledgement {
  acknowledgementId: string;
  shipmentId: string;
  contentSha256: string;
  acknowledgedBy: Actor;
  institutionId: string | null;
  acknowledgedAt: string;
}

/**
 * The instructions that travelled with a journey's shipment: the pinned specification version
 * they come from, their content and its SHA-256 (of the RFC 8785 canonical JSON), and their
 * acknowledgement once the hospital has given it.
 */
export interface InstructionsForUseShipment {
  shipmentId: string;
  donorCode: string;
  productCode: string;
  specificationVersion: number;
  contentSha256: string;
  instructions: InstructionsForUse;
  shippedAt: string;
  acknowledgement: InstructionsForUseAcknowledgement | null;
}
