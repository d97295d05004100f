import { z } from 'zod';
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

/** QA's signed closure: POST /internal/deviations/{id}/close. */
export const closeDeviationCommandSchema = deviationClosureSchema.extend({
  donorCode: z.string().min(1),
  closedBy: actorSchema,
  signature: electronicSignatureSchema,
});
export type CloseDeviationCommand = z.infer<typeof closeDeviationCommandSchema>;
