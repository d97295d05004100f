import { z } from 'zod';
import { DomainError } from '../errors/domain-error';
import { actorSchema } from '../journey/actor';
import { electronicSignatureSchema } from '../journey/electronic-signature';
import { patientReference } from '../journey/step-payloads';
import {
  institutionDecisionSchema,
  institutionRegistrationSchema,
} from '../institutions/institution-qualification';
import { signedCommandFields } from './signed-command';

/*
 * The bodies the gateway sends donor-intake's internal API (and the answers it reads), as one
 * contract both sides can import. Donor-intake validates each command again.
 */

/** A new order's donor: POST /internal/donors. */
export const registerDonorCommandSchema = z.strictObject({
  patientReference,
  institutionId: z.string().min(1).max(64),
  productCode: z.string().min(1).max(32),
  /** The caller's idempotency key: a repeat returns the donor registered the first time. */
  requestKey: z.string().min(1).max(128),
  registeredBy: z.strictObject({ userId: z.string().min(1), role: z.string().min(1) }).optional(),
});
export type RegisterDonorCommand = z.infer<typeof registerDonorCommandSchema>;

/** The register's answer for a donor code (the owner of tenancy decisions, CSV-03). */
export interface RegisteredDonor {
  donorCode: string;
  eyeReadable: string;
  institutionId?: unknown;
}

/** QA's signed registration of a candidate institution: POST /internal/institutions. */
export const registerInstitutionCommandSchema =
  institutionRegistrationSchema.extend(signedCommandFields);
export type RegisterInstitutionCommand = z.infer<typeof registerInstitutionCommandSchema>;

/** QA's signed decision on an institution: POST /internal/institutions/{id}/decisions. */
export const decideQualificationCommandSchema = z.strictObject({
  qualification: institutionDecisionSchema,
  ...signedCommandFields,
});
export type DecideQualificationCommand = z.infer<typeof decideQualificationCommandSchema>;

/*
 * What the gateway asks before anything is signed: the decision with its event id, so a retry
 * of one already recorded is allowed (it is answered with the first answer).
 */

/** POST /internal/institutions/registration-check. */
export const checkInstitutionRegistrationCommandSchema = registerInstitutionCommandSchema.omit({
  decidedBy: true,
  signature: true,
});
export type CheckInstitutionRegistrationCommand = z.infer<
  typeof checkInstitutionRegistrationCommandSchema
>;

/** POST /internal/institutions/{id}/decision-check. */
export const checkQualificationCommandSchema = decideQualificationCommandSchema.omit({
  decidedBy: true,
  signature: true,
});
export type CheckQualificationCommand = z.infer<typeof checkQualificationCommandSchema>;

/**
 * The closure of a deviation at the gateway (DON-06.4): the body before the signature is sealed.
 */
const text = (max: number) => z.string().trim().min(1).max(max);
export const deviationClosureSchema = z.strictObject({
  investigation: text(4000),
  rootCause: text(2000),
  correctiveAction: text(2000),
});
export type DeviationClosure = z.infer<typeof deviationClosureSchema>;

/**
 * QA's signed closure: POST /internal/deviations/{id}/close, and every other service's closure
 * of a journey's deviation. `eventId` is derived from the caller's Idempotency-Key: stored with
 * the closure, it lets a retry whose answer was lost be answered as the first time (CSV-01).
 */
export const closeDeviationCommandSchema = deviationClosureSchema.extend({
  donorCode: z.string().min(1),
  eventId: z.uuid(),
  closedBy: actorSchema,
  signature: electronicSignatureSchema,
});
export type CloseDeviationCommand = z.infer<typeof closeDeviationCommandSchema>;

/**
 * CSV-01, GEN-02: the closure recorded under a closure's event id, if it closed this deviation:
 * the retry of a closure whose answer was lost gets it again, nothing recorded twice. The same
 * event id used to close another deviation is a conflict. Each owning service asks it first.
 */
export function repeatedClosure<T extends { deviationId: string }>(
  command: { eventId: string },
  deviationId: string,
  earlier: T | undefined,
): T | undefined {
  if (earlier && earlier.deviationId !== deviationId)
    throw new DomainError(
      'IDEMPOTENCY_CONFLICT',
      `event id ${command.eventId} was already used to close deviation ${earlier.deviationId}`,
    );
  return earlier;
}
