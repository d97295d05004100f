import { bedsideVerifications } from './bedside';

describe('bedsideVerifications', () => {
  it('OTH-02 makes the first verification the recording user and the second the colleague', () => {
    const [first, second] = bedsideVerifications(
      'hospital',
      { labelScan: ' W000026000001A\t', patientReference: 'PAT-001 ', scannedAt: 'T1' },
      { clinician: ' hospital-2 ', labelScan: 'W000026000001A', patientReference: 'PAT-001' },
      'NOW',
    );
    expect(first).toEqual({
      clinician: 'hospital',
      labelScan: 'W000026000001A',
      patientReference: 'PAT-001',
      scannedAt: 'T1',
    });
    expect(second).toEqual({
      clinician: 'hospital-2',
      labelScan: 'W000026000001A',
      patientReference: 'PAT-001',
      scannedAt: 'NOW',
    });
  });
});
