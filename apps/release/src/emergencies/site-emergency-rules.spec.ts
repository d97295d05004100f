import { formatDonorCode, generateDonorUniqueCode } from '@v2v/contracts';
import {
  emergenciesOfSiteReceipt,
  requireReportableAtSite,
  siteReportDescription,
} from './site-emergency-rules';

const code = (sequence: number) =>
  formatDonorCode(generateDonorUniqueCode({ facility: 'W1234', year: 2026, sequence }));
const donorCode = code(7);
const otherDonor = code(8);
const intact = {
  outerPackagingIntact: true,
  containerIntact: true,
  labelPresent: true,
  labelLegible: true,
};

describe('emergenciesOfSiteReceipt', () => {
  it('QA-04 finds nothing in an intact product whose label is the journey’s', () => {
    expect(
      emergenciesOfSiteReceipt(donorCode, { labelScan: donorCode, inspection: intact }),
    ).toEqual([]);
  });

  it('QA-04 opens one emergency per damage, naming the note', () => {
    const inspection = {
      ...intact,
      outerPackagingIntact: false,
      containerIntact: false,
      note: 'box crushed, bag leaking',
    };
    expect(emergenciesOfSiteReceipt(donorCode, { labelScan: donorCode, inspection })).toEqual([
      {
        kind: 'damaged-packaging',
        description: expect.stringMatching(/outer packaging is damaged: box crushed.*\(QA-04\)$/),
      },
      { kind: 'damaged-bag', description: expect.stringContaining('bag (container) is damaged') },
    ]);
  });

  it('QA-04 opens a lost-label emergency without a scan, and an illegible one only with a label', () => {
    const lost = { ...intact, labelPresent: false, labelLegible: false, note: 'no label' };
    expect(emergenciesOfSiteReceipt(donorCode, { inspection: lost }).map((e) => e.kind)).toEqual([
      'lost-label',
    ]);
    const illegible = { ...intact, labelLegible: false, note: 'smudged' };
    expect(
      emergenciesOfSiteReceipt(donorCode, { inspection: illegible }).map((e) => e.kind),
    ).toEqual(['illegible-label']);
  });

  it('QA-04 TRC-03 records a scanned label of another donor as a wrong-label emergency', () => {
    expect(
      emergenciesOfSiteReceipt(donorCode, { labelScan: otherDonor, inspection: intact }),
    ).toEqual([
      {
        kind: 'wrong-label',
        description: expect.stringMatching(new RegExp(`${otherDonor}, not ${donorCode}.*QA-04`)),
      },
    ]);
  });
});

describe('requireReportableAtSite', () => {
  const receivedAt = '2026-12-01T08:00:00.000Z';

  it('QA-04 refuses a report before the receipt at the site (STEP_OUT_OF_ORDER)', () => {
    expect(() => requireReportableAtSite(donorCode, {}, receivedAt)).toThrow(
      expect.objectContaining({ code: 'STEP_OUT_OF_ORDER' }),
    );
  });

  it('QA-04 refuses a report once the journey closed', () => {
    const closedAt = '2027-12-01T08:00:00.000Z';
    expect(() =>
      requireReportableAtSite(donorCode, { receivedAt, closedAt }, '2026-12-02T08:00:00.000Z'),
    ).toThrow(expect.objectContaining({ code: 'JOURNEY_CLOSED' }));
  });

  it('QA-04 refuses a finding before the receipt and takes one after it', () => {
    expect(() =>
      requireReportableAtSite(donorCode, { receivedAt }, '2026-12-01T07:00:00.000Z'),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() =>
      requireReportableAtSite(donorCode, { receivedAt }, '2026-12-01T09:00:00.000Z'),
    ).not.toThrow();
  });

  it('QA-04 describes a report with its kind and the hold', () => {
    expect(
      siteReportDescription(donorCode, { kind: 'illegible-label', description: ' faded ' }),
    ).toBe(
      `reported by the site on ${donorCode}: illegible-label: faded; the product is on hold (QA-04)`,
    );
  });
});
