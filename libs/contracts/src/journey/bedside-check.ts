import { DomainError } from '../errors/domain-error';

/** One clinician's scan at the bedside, as the infusion record keeps both (OTH-02, TRC-03). */
export interface BedsideVerification {
  /** The username of the hospital user who scanned. */
  clinician: string;
  labelScan: string;
  patientReference: string;
  scannedAt: string;
}

/**
 * OTH-02 (§12(2)): the bedside check takes two different trained clinicians, and the first is
 * the one who records the infusion. The gateway checks this with the accounts and training it
 * holds; the release service checks it again where the record is written, so a forged update
 * naming one clinician twice is refused there too.
 */
export function requireTwoBedsideClinicians(
  recordedBy: string,
  verifications: readonly Pick<BedsideVerification, 'clinician'>[],
): void {
  const [first, second] = verifications.map((v) => v.clinician);
  if (first !== recordedBy)
    throw new DomainError(
      'OTH-02',
      `the first bedside verification must be by ${recordedBy}, who records the infusion, not by ${first} (OTH-02)`,
      { clinician: first },
    );
  if (second === first)
    throw new DomainError(
      'OTH-02',
      `the bedside check takes two different clinicians: ${first} scanned twice (OTH-02)`,
      { clinician: second },
    );
}
