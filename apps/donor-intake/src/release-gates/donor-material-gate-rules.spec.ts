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
