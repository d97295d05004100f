import type { StepRequestBody } from '@v2v/contracts';

type Verification = StepRequestBody<'recordInfusion'>['verifications'][number];

/** One clinician's two scans at the bedside, as the form holds them. */
export interface BedsideScans {
  labelScan: string;
  patientReference: string;
  /** When the clinician's last scan was entered; the submit time if never set. */
  scannedAt?: string;
}

/**
 * OTH-02: the two verifications of the bedside check, the first by the signed-in clinician who
 * records the infusion and the second by the colleague named in the form. Scanners add spaces
 * or a trailing tab now and then: they are trimmed, the codes themselves are left as scanned.
 */
export function bedsideVerifications(
  recordedBy: string,
  first: BedsideScans,
  second: BedsideScans & { clinician: string },
  now: string,
): [Verification, Verification] {
  const verification = (clinician: string, scans: BedsideScans): Verification => ({
    clinician: clinician.trim(),
    labelScan: scans.labelScan.trim(),
    patientReference: scans.patientReference.trim(),
    scannedAt: scans.scannedAt ?? now,
  });
  return [verification(recordedBy, first), verification(second.clinician, second)];
}
