import { randomUUID } from 'node:crypto';
import {
  journeyTimelineQuery,
  journeyViewQuery,
  RecallNotice,
  recallNoticeSignal,
} from '@v2v/contracts';
import { timeSkippingEnvironment } from './support/environments';
import {
  expectRefused,
  payloadFor,
  sendStep,
  startJourney,
  stepsThrough,
} from './support/journey-driver';
import { useMockedPlatform } from './support/mocked-platform';
import { recordHistory } from './support/record-history';

const platform = useMockedPlatform(timeSkippingEnvironment);

const notice = (): RecallNotice => ({
  recallId: randomUUID(),
  classification: 'I',
  scope: 'key-material-lot',
  subject: 'KML-2026-000042',
  batchNumbers: ['B-2026-000042'],
  reason: 'vector lot LV-CD19 failed its replication-competent lentivirus retest',
  decidedAt: '2026-12-10T09:00:00.000Z',
  decidedBy: { userId: 'qa-qp', role: 'qa-qp' },
});

describe('a recall notice on a running journey (time skipping)', () => {
  it('QA-04 refuses the shipment of a recalled product, weeks later still, and shows the recall once', async () => {
    const handle = await startJourney(platform.env.client);
    const code = handle.workflowId.slice('journey-'.length);
    const now = new Date(await platform.env.currentTimeMs());
    for (const step of stepsThrough('releaseBatch'))
      await sendStep(handle, step, payloadFor(step, code, now));

    const recall = notice();
    await handle.signal(recallNoticeSignal, recall);
    // A redelivered event signals again: the journey keeps the recall once.
    await handle.signal(recallNoticeSignal, recall);
    const shipment = () => sendStep(handle, 'shipToSite', payloadFor('shipToSite', code, now));
    await expectRefused(shipment(), 'QA-04');
    await expect(shipment()).rejects.toMatchObject({
      cause: { message: expect.stringContaining(`recall ${recall.recallId} (class I`) },
    });

    // A recall has no expiry: a month on, the product is still not shipped.
    await platform.env.sleep('30d');
    await expectRefused(shipment(), 'QA-04');

    const view = await handle.query(journeyViewQuery);
    expect(view).toMatchObject({ stage: 'released', recalls: [recall] });
    const timeline = await handle.query(journeyTimelineQuery);
    expect(timeline.filter((t) => t.kind === 'recall')).toEqual([
      expect.objectContaining({
        eventId: recall.recallId,
        stage: 'released',
        summary: expect.stringContaining('(QA-04)'),
      }),
    ]);
    // Refused by the journey's validator: the release service was never asked.
    expect(
      platform.services
        .callsOf('shipToSite')
        .filter((c) => (c.input as { journeyId: string }).journeyId === handle.workflowId),
    ).toEqual([]);

    await sendStep(handle, 'cancelJourney', payloadFor('cancelJourney', code));
    await handle.result();
    await recordHistory('recall-notice-shipment-refused', handle);
  });
});
