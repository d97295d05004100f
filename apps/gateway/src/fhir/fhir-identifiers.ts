import { fhirIdOfDonorCode } from '@v2v/contracts';

/**
 * The platform's identifier systems in FHIR (URNs: the platform publishes no web pages for
 * them). The donor unique code (TRC-02) identifies the order, the donor material and the
 * product; the patient appears only as its pseudonymous reference, never by name.
 */
export const FHIR_SYSTEMS = {
  donorCode: 'urn:v2v:donor-code',
  batchNumber: 'urn:v2v:batch-number',
  bagLot: 'urn:v2v:bag-lot',
  patientReference: 'urn:v2v:patient-reference',
  institution: 'urn:v2v:institution',
  productCode: 'urn:v2v:product-code',
  journeyStage: 'urn:v2v:journey-stage',
  journeyStep: 'urn:v2v:journey-step',
  refusalCode: 'urn:v2v:refusal-code',
} as const;

/** A resource as this gateway answers it: plain JSON, held to the R4 schema by its tests. */
export type FhirResource = { resourceType: string; id?: string } & Record<string, unknown>;

export const donorCodeIdentifier = (donorCode: string) => ({
  use: 'official',
  system: FHIR_SYSTEMS.donorCode,
  value: donorCode,
});

/** The patient, served as `Patient/<reference>` with nothing but its pseudonymous identifier. */
export const patientReferenceTo = (patientReference: string) => ({
  reference: `Patient/${patientReference}`,
  identifier: { system: FHIR_SYSTEMS.patientReference, value: patientReference },
});

/** An institution of the register: a logical reference (no Organization endpoint is served). */
export const institutionReference = (institutionId: string) => ({
  type: 'Organization',
  identifier: { system: FHIR_SYSTEMS.institution, value: institutionId },
});

export const serviceRequestReference = (donorCode: string) => ({
  reference: `ServiceRequest/${fhirIdOfDonorCode(donorCode)}`,
});
