import { randomUUID } from 'node:crypto';
import { ZodError } from 'zod';
import { type RecallNotice, recallHoldRefusal } from './recall-hold';
import { recallNoticeOf } from './recall-notice';

const recall = (over: Partial<RecallNotice> = {}): RecallNotice => ({
  recallId: '7d0c6a52-3f9e-4b8a-9d61-2c4f8e1b5a70',
  classification: 'II',
  scope: 'key-material-lot',
  subject: 'KML-2026-000042',
  batchNumbers: ['B-2026-000042'],
  reason: 'cytokine lot endotoxin above its limit on retest',
  decidedAt: '2026-12-10T09:00:00.000Z',
  decidedBy: { userId: 'qa-qp', role: 'qa-qp' },
  ...over,
});

describe('the recall hold on a journey (QA-04)', () => {
  it('QA-04 refuses the release, the shipment, the receipt at site and the infusion of a recalled product, naming the recall', () => {
    for (const step of ['releaseBatch', 'shipToSite', 'receiveAtSite', 'recordInfusion'] as const) {
      const refusal = recallHoldRefusal(step, [recall()]);
      expect(refusal).toEqual({
        reasonCode: 'QA-04',
        message: expect.stringContaining(
          'recall 7d0c6a52-3f9e-4b8a-9d61-2c4f8e1b5a70 (class II, key-material-lot KML-2026-000042, batch B-2026-000042',
        ),
      });
      expect(refusal?.message).toMatch(new RegExp(`'${step}' is refused.*\\(QA-04\\)$`));
    }
  });

  it('QA-04 leaves the other steps and a journey without a recall alone', () => {
    expect(recallHoldRefusal('cancelJourney', [recall()])).toBeUndefined();
    expect(recallHoldRefusal('completeFollowUp', [recall()])).toBeUndefined();
    expect(recallHoldRefusal('shipToSite', [])).toBeUndefined();
  });

  it('QA-04 names every recall that reached the journey', () => {
    const second = recall({ recallId: randomUUID(), scope: 'batch', subject: 'B-2026-000042' });
    const message = recallHoldRefusal('recordInfusion', [recall(), second])?.message;
    expect(message).toContain(recall().recallId);
    expect(message).toContain(`${second.recallId} (class II, batch B-2026-000042`);
  });

  it('QA-04 reads the notice from recall.notified.v1 and refuses a broken one', () => {
    const notice = recall();
    const payload = {
      donorCode: '=A999926004711',
      journeyId: 'journey-=A999926004711',
      actor: notice.decidedBy,
      recordId: notice.recallId,
      summary: 'recalled',
      detail: { ...notice },
    };
    expect(recallNoticeOf(payload)).toEqual({ donorCode: '=A999926004711', notice });
    const noBatch = { ...payload, detail: { ...notice, batchNumbers: [] } };
    expect(() => recallNoticeOf(noBatch)).toThrow(ZodError);
    const unknownRole = { ...payload, actor: { userId: 'x', role: 'root' } };
    expect(() => recallNoticeOf(unknownRole)).toThrow(ZodError);
  });
});
