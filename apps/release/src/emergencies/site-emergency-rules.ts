import {
  DomainError,
  type SiteEmergencyKind,
  type SiteReceiptInspection,
  verifyLabelScan,
} from '@v2v/contracts';

/** An emergency found at the site, as the product's emergency records it (QA-04). */
export interface SiteEmergencyFinding {
  kind: SiteEmergencyKind;
  description: string;
}

const FOUND_AT_RECEIPT: Record<string, string> = {
  'damaged-packaging': 'the outer packaging is damaged',
  'damaged-bag': 'the bag (container) is damaged',
  'lost-label': 'the label is missing',
  'illegible-label': 'the label is illegible',
};

/**
 * QA-04 (§10(4)), TRC-03 (§11(3)): what the receipt inspection at the site finds wrong with the
 * product: damaged packaging or bag, a lost or illegible label, or a scanned label that is not
 * the journey's. Each opens an emergency in the receipt's transaction; the receipt is still
 * recorded (the product is at the site) and the product is on hold until QA closes it.
 */
export function emergenciesOfSiteReceipt(
  donorCode: string,
  receipt: { labelScan?: string; inspection: SiteReceiptInspection },
): SiteEmergencyFinding[] {
  const { inspection, labelScan } = receipt;
  const kinds: SiteEmergencyKind[] = [];
  if (!inspection.outerPackagingIntact) kinds.push('damaged-packaging');
  if (!inspection.containerIntact) kinds.push('damaged-bag');
  if (!inspection.labelPresent) kinds.push('lost-label');
  else if (!inspection.labelLegible) kinds.push('illegible-label');
  const note = inspection.note ? `: ${inspection.note}` : '';
  const findings = kinds.map((kind) => ({
    kind,
    description: `receipt of ${donorCode} at the site: ${FOUND_AT_RECEIPT[kind]}${note}; the product is on hold (QA-04)`,
  }));
  const wrong = labelScan === undefined ? undefined : wrongLabel(donorCode, labelScan);
  return wrong ? [...findings, wrong] : findings;
}

function wrongLabel(donorCode: string, labelScan: string): SiteEmergencyFinding | undefined {
  try {
    verifyLabelScan(donorCode, labelScan);
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return {
      kind: 'wrong-label',
      description: `receipt of ${donorCode} at the site: the label scanned is ${labelScan}, not ${donorCode}; the product is on hold (QA-04)`,
    };
  }
}

/** Where the journey stands for a report from the site: its receipt and its closure. */
export interface SiteStanding {
  receivedAt?: string;
  closedAt?: string;
}

/**
 * QA-04 (§12): the hospital reports an emergency on the product it holds: after the receipt at
 * the site (before it, the product is in the manufacturer's custody) and while the journey runs;
 * after the infusion it may still be found (a label read again), an adverse event is reported
 * as an adverse reaction instead.
 */
export function requireReportableAtSite(
  donorCode: string,
  standing: SiteStanding,
  foundAt: string,
): void {
  if (!standing.receivedAt)
    throw new DomainError(
      'STEP_OUT_OF_ORDER',
      `the product of ${donorCode} has not been received at the site: nothing to report on (QA-04)`,
    );
  if (standing.closedAt)
    throw new DomainError(
      'JOURNEY_CLOSED',
      `the journey of ${donorCode} closed at ${standing.closedAt}: no emergency is reported on it (QA-04)`,
    );
  if (Date.parse(foundAt) < Date.parse(standing.receivedAt))
    throw new DomainError(
      'VALIDATION_FAILED',
      `found at ${foundAt}, before the product was received at the site at ${standing.receivedAt} (QA-04)`,
      { fieldErrors: [{ path: 'foundAt', message: 'not before the receipt at the site (QA-04)' }] },
    );
}

/** The description of a reported emergency, as the journey's deviations list shows it. */
export function siteReportDescription(
  donorCode: string,
  report: { kind: SiteEmergencyKind; description: string },
): string {
  return `reported by the site on ${donorCode}: ${report.kind}: ${report.description.trim()}; the product is on hold (QA-04)`;
}
