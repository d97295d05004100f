import { emergencyReportPdf, type EmergencyOnRecord } from './emergency-report.pdf';

const emergency: EmergencyOnRecord = {
  deviationId: '5c2e1d7a-0000-4000-8000-000000000042',
  donorCode: 'Z99992600012345',
  batchNumber: 'B-0042',
  kind: 'damaged-bag',
  siteSource: 'receipt',
  description: 'receipt at the site: the bag (container) is damaged: 袋角破裂',
  foundAt: '2026-12-01T08:00:00.000Z',
  foundBy: 'hospital',
  raisedAt: '2026-12-01T08:00:05.000Z',
  investigation: 'bag cracked in transport',
  rootCause: 'dry shipper dropped',
  correctiveAction: 'courier re-trained',
  preventiveAction: 'shock-absorbing inserts',
  disposition: 'destroy',
  recallDecision: 'not-needed',
  recallRationale: 'a single unit',
  recallId: null,
  signatureId: '9a1e1d7a-0000-4000-8000-000000000007',
  closedBy: 'qa-qp',
  closedAt: '2026-12-02T09:00:00.000Z',
  status: 'closed',
};

describe('the emergency report PDF (QA-04)', () => {
  it('QA-04 prints the emergency with its id as the title, in the embedded CJK font', async () => {
    const file = await emergencyReportPdf(emergency);
    expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = file.toString('latin1');
    expect(raw).toContain(`(Emergency ${emergency.deviationId})`);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
  });

  it('QA-04 prints an open emergency, its closure still to come', async () => {
    const open: EmergencyOnRecord = {
      ...emergency,
      status: 'open',
      investigation: null,
      rootCause: null,
      correctiveAction: null,
      preventiveAction: null,
      disposition: null,
      recallDecision: null,
      recallRationale: null,
      signatureId: null,
      closedBy: null,
      closedAt: null,
    };
    expect((await emergencyReportPdf(open)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
