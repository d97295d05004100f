import type { Recall } from '@v2v/contracts';
import { recallReportPdf } from './recall-report.pdf';

const recall: Recall = {
  recallId: '7d0c6a52-3f9e-4b8a-9d61-2c4f8e1b5a70',
  scope: 'key-material-lot',
  batchNumber: null,
  lotId: 'KML-2026-000042',
  reason: '供应商通知：IL-2 批次内毒素超标',
  classification: 'I',
  decidedBy: { userId: 'qa-qp', role: 'qa-qp' },
  decidedAt: '2026-12-10T09:00:00.000Z',
  signatureId: 'a1f0c3d2-5b6e-4f70-8a91-b2c3d4e5f607',
  units: [
    {
      donorCode: '=A999926004711',
      journeyId: 'journey-=A999926004711',
      batchNumbers: ['B-1'],
      status: 'destroyed',
      disposition: {
        disposition: 'destroyed',
        note: '在工厂销毁，双人见证',
        recordedBy: { userId: 'ops', role: 'ops' },
        recordedAt: '2026-12-11T10:00:00.000Z',
      },
    },
    {
      donorCode: '=A999926004712',
      journeyId: 'journey-=A999926004712',
      batchNumbers: ['B-2'],
      status: 'open',
      disposition: null,
    },
  ],
};

describe('the recall report PDF (QA-04)', () => {
  it('QA-04 prints the recall and every unit with its end, Chinese text in the CJK font', async () => {
    const file = await recallReportPdf(recall, '2026-12-12T08:00:00.000Z');
    expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = file.toString('latin1');
    expect(text).toContain(`(Recall ${recall.recallId})`);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
    expect(text).not.toContain('/Helvetica');
  });
});
