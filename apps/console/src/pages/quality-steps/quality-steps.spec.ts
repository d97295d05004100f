import { CART_CD19_V1, type DonorMaterialTestsView } from '@v2v/contracts';
import {
  donorMaterialResults,
  mayAssessDonorMaterialImpact,
  mayReadBatchRecordReview,
  mayRecordDonorMaterialTests,
  mayRecordSamples,
  mayReviewBatchRecord,
  pendingAtRelease,
  sampleBody,
} from './quality-steps';

const tests = CART_CD19_V1.donorMaterialTests;
const at = '2026-12-01T08:00:00.000Z';

const view = (pending: string[] | null): DonorMaterialTestsView => ({
  donorCode: 'W0000 26 000001 X',
  specification: { productCode: 'CART-CD19', version: 1 },
  tests: [],
  results: [],
  pendingAtMaterialRelease: pending,
  assessments: [],
});

describe('donor material results entry (QA-02.5)', () => {
  it('sends only rows with a value: a number for a range test, the text for an allowed set', () => {
    const results = donorMaterialResults(tests, [
      { value: ' 4.2 ', unit: 'x10^9', method: 'haematology analyser', testedAt: at },
      { value: '', unit: '%', method: '7-AAD flow cytometry', testedAt: at },
      { value: 'no growth', unit: ' ', method: 'blood culture', testedAt: at },
    ]);
    expect(results).toEqual([
      {
        testCode: 'cell-count',
        value: 4.2,
        unit: 'x10^9',
        method: 'haematology analyser',
        testedAt: at,
      },
      { testCode: 'sterility', value: 'no growth', method: 'blood culture', testedAt: at },
    ]);
  });

  it('keeps a non-numeric value of a range test as typed, for the server to refuse', () => {
    const [result] = donorMaterialResults(tests, [{ value: 'many', method: 'm', testedAt: at }]);
    expect(result.value).toBe('many');
  });
});

describe('who takes the quality steps at which stage', () => {
  it('QC records donor material results from the receipt up to the release review', () => {
    expect(mayRecordDonorMaterialTests('qc', 'received')).toBe(true);
    expect(mayRecordDonorMaterialTests('qc', 'release-review')).toBe(true);
    expect(mayRecordDonorMaterialTests('qc', 'in-transit-to-factory')).toBe(false);
    expect(mayRecordDonorMaterialTests('qc', 'released')).toBe(false);
    expect(mayRecordDonorMaterialTests('qc', 'cancelled')).toBe(false);
    expect(mayRecordDonorMaterialTests('qa-qp', 'received')).toBe(false);
  });

  it('QA-02.5 offers the impact assessment only when a test was pending at material release', () => {
    expect(mayAssessDonorMaterialImpact('qa-qp', 'qc', view(['sterility']))).toBe(true);
    expect(mayAssessDonorMaterialImpact('qa-qp', 'qc', view([]))).toBe(false);
    expect(mayAssessDonorMaterialImpact('qa-qp', 'received', view(null))).toBe(false);
    expect(mayAssessDonorMaterialImpact('qc', 'qc', view(['sterility']))).toBe(false);
    expect(pendingAtRelease(undefined)).toEqual([]);
  });

  it('QA-02.2 offers the batch record review to the qualified person in QC and release review', () => {
    expect(mayReviewBatchRecord('qa-qp', 'qc')).toBe(true);
    expect(mayReviewBatchRecord('qa-qp', 'release-review')).toBe(true);
    expect(mayReviewBatchRecord('qa-qp', 'in-production')).toBe(false);
    expect(mayReviewBatchRecord('qc', 'qc')).toBe(false);
    expect(mayReadBatchRecordReview('production-manager', 'released')).toBe(true);
    expect(mayReadBatchRecordReview('qc', 'in-production')).toBe(false);
  });

  it('QA-01 lets QC register samples from the receipt on', () => {
    expect(mayRecordSamples('qc', 'material-quarantined')).toBe(true);
    expect(mayRecordSamples('qc', 'collected')).toBe(false);
    expect(mayRecordSamples('operator', 'qc')).toBe(false);
  });
});

describe('sample body (QA-01)', () => {
  const base = {
    purpose: 'retention' as const,
    quantity: 1,
    unit: 'mL',
    container: 'cryobag 5 mL',
    storageLocation: 'LN2-03 rack C',
    storageCondition: '≤ -150 °C vapour phase LN2',
    retentionUntil: '2031-12-01',
    takenAt: at,
  };

  it('sends the batch of the final product, none for donor material', () => {
    expect(sampleBody({ ...base, subject: 'final-product', batchNumber: 'B-1' })).toEqual({
      ...base,
      subject: 'final-product',
      batchNumber: 'B-1',
    });
    expect(
      sampleBody({ ...base, subject: 'donor-material', batchNumber: 'B-1' }).batchNumber,
    ).toBeUndefined();
  });

  it('sends no retention end for a QC sample', () => {
    const body = sampleBody({ ...base, subject: 'donor-material', purpose: 'qc' });
    expect(body.retentionUntil).toBeUndefined();
    expect(body.purpose).toBe('qc');
  });
});
