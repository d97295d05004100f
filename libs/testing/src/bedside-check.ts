import type { StepRequestBody } from '@v2v/contracts';

/** The second demo clinician of INST-001 (the first is `hospital`), trained for the infusion. */
export const SECOND_CLINICIAN = 'hospital-2';

/**
 * An infusion's use record after the two-person bedside check (OTH-02): `hospital` records it
 * and scans first, `SECOND_CLINICIAN` scans second, both the label and the patient, before the
 * infusion; a 20-minute infusion ending at `endedAt`. `scans` overrides what each scanned.
 */
export function bedsideInfusion(input: {
  donorCode: string;
  patientReference: string;
  endedAt: string;
  clinicians?: [string, string];
  scans?: [Partial<ScanOf>?, Partial<ScanOf>?];
}): StepRequestBody<'recordInfusion'> {
  const ended = Date.parse(input.endedAt);
  const at = (minutesBefore: number) => new Date(ended - minutesBefore * 60_000).toISOString();
  const [first, second] = input.clinicians ?? ['hospital', SECOND_CLINICIAN];
  const scan = (clinician: string, override: Partial<ScanOf> = {}) => ({
    clinician,
    labelScan: input.donorCode,
    patientReference: input.patientReference,
    scannedAt: at(25),
    ...override,
  });
  return {
    infusedAt: at(20),
    infusionEndedAt: at(0),
    verifications: [scan(first, input.scans?.[0]), scan(second, input.scans?.[1])],
    volumeMl: 68,
    dose: { value: 1.1e8, unit: 'CAR+ viable T cells' },
    administeredBy: 'Nurse Wang Fang',
  };
}

type ScanOf = { labelScan: string; patientReference: string };
