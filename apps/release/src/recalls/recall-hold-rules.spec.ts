import { DomainError, type RecallNotice } from '@v2v/contracts';
import { requireNotRecalled } from './recall-hold-rules';

const recall: RecallNotice = {
  recallId: '7d0c6a52-3f9e-4b8a-9d61-2c4f8e1b5a70',
  classification: 'I',
  scope: 'batch',
  subject: 'B-2026-000042',
  batchNumbers: ['B-2026-000042'],
  reason: 'sterility positive on the retained sample',
  decidedAt: '2026-12-10T09:00:00.000Z',
  decidedBy: { userId: 'qa-qp', role: 'qa-qp' },
};

describe('the recall hold where release writes (QA-04)', () => {
  it('QA-04 refuses the infusion of a recalled product, naming the recall', () => {
    let refusal: unknown;
    try {
      requireNotRecalled('recordInfusion', [recall]);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: 'QA-04',
      message: expect.stringContaining(`recall ${recall.recallId} (class I, batch B-2026-000042`),
      details: { recalls: [recall.recallId] },
    });
  });

  it('QA-04 lets a product without a recall through, and a recalled one to follow-up', () => {
    expect(() => requireNotRecalled('recordInfusion', [])).not.toThrow();
    expect(() => requireNotRecalled('completeFollowUp', [recall])).not.toThrow();
  });
});
