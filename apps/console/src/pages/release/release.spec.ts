import type {
  OosInvestigationView,
  QcTest,
  ReleaseGate,
  ReleaseGateStanding,
} from '@v2v/contracts';
import {
  actionFor,
  criterionText,
  criterionUnit,
  enteredValue,
  expectedAction,
  openItems,
  retestsOrdered,
  valueWithUnit,
} from './release';

const viability: QcTest = {
  code: 'viability',
  name: 'Viability',
  method: '7-AAD flow cytometry',
  sample: 'final product',
  criterion: { kind: 'range', unit: '%', min: 70 },
  gating: 'before-release',
};
const mycoplasma: QcTest = {
  code: 'mycoplasma',
  name: 'Mycoplasma',
  method: 'validated qPCR',
  sample: 'final product',
  criterion: { kind: 'allowed', values: ['not detected'] },
  gating: 'before-release',
};
const investigation = (status: OosInvestigationView['status']): OosInvestigationView => ({
  investigationId: `00000000-0000-4000-8000-00000000000${status.length % 10}`,
  donorCode: 'W0000 26 000001 A',
  testCode: 'viability',
  resultId: '1',
  openedAt: '2026-12-01T08:00:00Z',
  status,
  events: [],
});

describe('the QC and release screens', () => {
  it('QA-02.1 asks each phase of an OOS investigation of the role that records it', () => {
    expect(actionFor('qc', investigation('laboratory'))).toBe('laboratory-conclusion');
    expect(actionFor('qa-qp', investigation('laboratory'))).toBeUndefined();
    expect(actionFor('qa-qp', investigation('process'))).toBe('process-conclusion');
    expect(actionFor('qc', investigation('process'))).toBeUndefined();
    expect(actionFor('qa-qp', investigation('retest-ordered'))).toBe('outcome');
    expect(actionFor('qc', investigation('retest-ordered'))).toBeUndefined();
    expect(actionFor('qa-qp', investigation('awaiting-outcome'))).toBe('outcome');
    expect(actionFor('ops', investigation('awaiting-outcome'))).toBeUndefined();
  });

  it('QA-02.1 asks nothing once the outcome is decided', () => {
    for (const status of ['invalidated', 'oos-confirmed'] as const)
      expect(expectedAction(status)).toBeUndefined();
  });

  it('QA-02.1 offers a retest row only under an investigation that ordered one', () => {
    const ordered = investigation('retest-ordered');
    expect(retestsOrdered([investigation('laboratory'), ordered])).toEqual([ordered]);
  });

  it("QA-02.1 prefills a range test's unit and shows its criterion", () => {
    expect(criterionUnit(viability)).toBe('%');
    expect(criterionUnit(mycoplasma)).toBeUndefined();
    expect(criterionText(viability)).toBe('≥ 70 %');
    expect(criterionText(mycoplasma)).toBe('not detected');
    const endotoxin = { ...viability, criterion: { kind: 'range', unit: 'EU/mL', max: 0.5 } };
    expect(criterionText(endotoxin as QcTest)).toBe('≤ 0.5 EU/mL');
  });

  it('QA-02.1 sends a number for a range test and the observation for an allowed set', () => {
    expect(enteredValue(viability, ' 88 ')).toBe(88);
    expect(enteredValue(viability, '88a')).toBe('88a');
    expect(enteredValue(mycoplasma, 'not detected')).toBe('not detected');
    expect(valueWithUnit({ value: 88, unit: '%' })).toBe('88 %');
    expect(valueWithUnit({ value: 'not detected', unit: null })).toBe('not detected');
  });

  it('QA-02 names the gates still open or blocked, not the settled or inapplicable ones', () => {
    const gate = (item: ReleaseGate['item'], status: ReleaseGate['status']): ReleaseGate => ({
      item,
      status,
      answeredBy: 'production',
      detail: '',
      openRecords: [],
      contentHash: '',
    });
    const standing: ReleaseGateStanding = {
      donorCode: 'W0000 26 000001 A',
      batchNumber: 'B-1',
      releasable: false,
      resultsToFollow: [],
      evaluatedAt: '2026-12-01T08:00:00Z',
      gates: [
        gate('QA-02.1', 'settled'),
        gate('QA-02.2', 'open'),
        { ...gate('QA-02.2', 'open'), answeredBy: 'donor-intake' },
        gate('QA-02.5', 'not-applicable'),
        gate('QA-01', 'blocked'),
      ],
    };
    expect(openItems(standing)).toEqual(['QA-02.2', 'QA-01']);
  });
});
