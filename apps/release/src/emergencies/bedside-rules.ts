import {
  type BedsideVerification,
  type DeviationNotice,
  DomainError,
  verifyLabelScan,
} from '@v2v/contracts';

/**
 * TRC-03 (§11(3)), QA-04 (§10(4)): what is wrong with the bedside scans, or undefined when each
 * clinician scanned the journey's own label and the order's patient. A label of another donor
 * or a patient this product was not made for is a wrong label at the point of use: the
 * emergency procedure starts at once.
 */
export function bedsideMismatch(
  donorCode: string,
  patientReference: string,
  verifications: readonly BedsideVerification[],
): string | undefined {
  const wrong = verifications.flatMap((v) => {
    const found: string[] = [];
    try {
      verifyLabelScan(donorCode, v.labelScan);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      found.push(`${v.clinician} scanned label ${v.labelScan}, not ${donorCode}`);
    }
    if (v.patientReference !== patientReference)
      found.push(
        `${v.clinician} scanned patient ${v.patientReference}, not the patient this product was made for`,
      );
    return found;
  });
  if (!wrong.length) return undefined;
  return `bedside check of ${donorCode} does not match: ${wrong.join('; ')}; the product is on hold (QA-04)`;
}

/**
 * The refusal of a mismatched bedside check. It carries the deviation it raised, so the journey
 * records it although the step is refused.
 */
export function bedsideMismatchRefusal(notice: DeviationNotice): DomainError {
  return new DomainError(
    'IDENTITY_MISMATCH',
    `the infusion is refused: ${notice.description}; emergency ${notice.deviationId} raised (TRC-03)`,
    { deviations: [notice] },
  );
}
