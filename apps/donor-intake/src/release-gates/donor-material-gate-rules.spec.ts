import { CART_CD19_V1, type DonorMaterialTestResultView } from '@v2v/contracts';
import { donorMaterialTestStandings } from '../material-tests/donor-material-test-rules';
import {
  donorOrderGate,
  materialDeviationsGate,
  materialTestsGate,
} from './donor-material-gate-rules';

const D = 'W1234 26 000001 A';
const JOURNEY = `journey-${D}`;
const screening = {
  recordedAt: '2026-12-01T08:00:00.000Z',
  markers: ['HBV', 'HCV', 'HIV', 'TP'],
  specificationVersion: 1,
};
const released = '2026-12-03T10:00:00.000Z';

describe('QA-02.3 the release gate of the donor material deviations', () => {
  it('QA-02.3 is open while a transport or receipt deviation is open, naming it', () => {
    const gate = materialDeviationsGate([
      { deviationId: 'd-1', description: 'transport over 6 h', status: 'open' },
      { deviationId: 'd-2', description: 'receipt label torn', status: 'closed' },
    ]);
    expect(gate).toMatchObject({
      item: 'QA-02.3',
      answeredBy: 'donor-intake',
      status: 'open',
      detail: '1 of 2 donor material deviations not closed: transport over 6 h',
      openRecords: ['d-1'],
    });
  });

  it('QA-02.3 settles when every deviation is closed, its hash following the closures', () => {
    const open = materialDeviationsGate([{ deviationId: 'd-1', description: 'x', status: 'open' }]);
    const closed = materialDeviationsGate([
      { deviationId: 'd-1', description: 'x', status: 'closed' },
    ]);
    expect(closed).toMatchObject({ status: 'settled', openRecords: [] });
    expect(closed.contentHash).not.toBe(open.contentHash);
    expect(materialDeviationsGate([])).toMatchObject({
      status: 'settled',
      detail: 'no deviation was raised for the donor material',
    });
  });
});

describe('QA-02.5 material used before its tests completed', () => {
  it('QA-02.5 does not arise when every required marker had a result before the release', () => {
    const gate = materialTestsGate({
      screening,
      markerCheck: { passed: true },
      releasedAt: released,
    });
    expect(gate).toMatchObject({ item: 'QA-02.5', status: 'not-applicable', openRecords: [] });
    expect(gate.detail).toBe(
      'every required marker of the pinned specification (v1) had a result recorded before the material was released: it was not used before its tests completed',
    );
  });

  it('QA-02.5 asks an impact assessment when a required marker was missing at receipt', () => {
    const gate = materialTestsGate({
      screening,
      markerCheck: { passed: false, reason: 'no result for required marker(s) HTLV' },
      releasedAt: released,
    });
    expect(gate).toMatchObject({ status: 'open' });
    expect(gate.detail).toBe(
      'impact assessment of the donor material required: at receipt: no result for required marker(s) HTLV',
    );
  });

  it('QA-02.5 asks an impact assessment when the screening came after the release or is missing', () => {
    const late = materialTestsGate({
      screening: { ...screening, recordedAt: '2026-12-04T00:00:00.000Z' },
      markerCheck: { passed: true },
      releasedAt: released,
    });
    expect(late.status).toBe('open');
    expect(late.detail).toContain('after the release');
    const none = materialTestsGate({ releasedAt: released });
    expect(none.detail).toContain('no screening result is on record');
    expect(none.contentHash).not.toBe(late.contentHash);
  });
});

const materialResult = (testCode: string, value: number | string, resultId: string) =>
  ({
    resultId,
    testCode,
    value,
    unit: typeof value === 'number' ? (testCode === 'viability' ? '%' : 'x10^9') : null,
    method: 'm',
    testedAt: '2026-12-02T08:00:00.000Z',
    verdict: 'within-specification',
    correctionOf: null,
    recordedBy: 'qc',
    recordedAt: '2026-12-02T09:00:00.000Z',
  }) satisfies DonorMaterialTestResultView;

describe("QA-02.5 the donor material's own tests", () => {
  const base = { screening, markerCheck: { passed: true }, releasedAt: released };
  const standings = (results: DonorMaterialTestResultView[]) =>
    donorMaterialTestStandings(CART_CD19_V1.donorMaterialTests, results);
  const before = [materialResult('cell-count', 4, 'r-1'), materialResult('viability', 95, 'r-2')];
  const sterility = materialResult('sterility', 'no growth', 'r-3');
  const assessment = {
    assessmentId: 'a-1',
    testCodes: ['sterility'],
    coveredResultIds: ['r-1', 'r-2', 'r-3'],
    rationale: 'no growth',
    conclusion: 'no-impact' as const,
    signatureId: 's-1',
    assessedBy: 'qa-qp',
    assessedAt: '2026-12-10T08:00:00.000Z',
  };

  it('QA-02.5 does not arise when no test was pending at the release', () => {
    const gate = materialTestsGate({
      ...base,
      donorMaterial: { standings: standings([...before, sterility]), pendingAtRelease: [] },
    });
    expect(gate.status).toBe('not-applicable');
    expect(gate.detail).toContain('and every donor material test had a result');
  });

  it('QA-02.5 is open for a test pending at release, settled by the assessment, and hashes each change', () => {
    const pending = materialTestsGate({
      ...base,
      donorMaterial: { standings: standings(before), pendingAtRelease: ['sterility'] },
    });
    expect(pending).toMatchObject({ status: 'open', openRecords: ['sterility'] });
    const resulted = materialTestsGate({
      ...base,
      donorMaterial: {
        standings: standings([...before, sterility]),
        pendingAtRelease: ['sterility'],
      },
    });
    expect(resulted.status).toBe('open');
    const assessed = materialTestsGate({
      ...base,
      donorMaterial: {
        standings: standings([...before, sterility]),
        pendingAtRelease: ['sterility'],
        assessment,
      },
    });
    expect(assessed.status).toBe('settled');
    const hashes = new Set([pending, resulted, assessed].map((g) => g.contentHash));
    expect(hashes.size).toBe(3);
  });

  it('QA-02.5 is open when the release kept no record of the tests', () => {
    const gate = materialTestsGate({ ...base, donorMaterial: { standings: standings(before) } });
    expect(gate.status).toBe('open');
    expect(gate.detail).toContain("no record of the donor material's tests at its release");
  });
});

describe('QA-02.4 the order of the donor code', () => {
  const donor = { donorCode: D, patientReference: 'PAT-1', institutionId: 'INST-001' };

  it('QA-02.4 settles when the donor is registered and every record names the journey', () => {
    expect(donorOrderGate({ donorCode: D, journeyId: JOURNEY }, donor, [JOURNEY])).toMatchObject({
      item: 'QA-02.4',
      status: 'settled',
      detail: `donor code ${D} is the order of patient PAT-1 (INST-001) and every donor material record names this journey`,
    });
  });

  it('QA-02.4 blocks an unregistered code and records of another journey', () => {
    const gate = donorOrderGate({ donorCode: D, journeyId: JOURNEY }, undefined, [
      JOURNEY,
      'journey-other',
    ]);
    expect(gate).toMatchObject({ status: 'blocked', openRecords: [D] });
    expect(gate.detail).toContain(`no donor is registered under ${D}`);
    expect(gate.detail).toContain('records under the code name journey journey-other');
  });
});
