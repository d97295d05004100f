import type {
  InstitutionNotification,
  JourneyView,
  NotificationPage,
  Recall,
  RecallUnit,
} from '@v2v/contracts';
import {
  attemptRelease,
  type InstitutionJourney,
  journeysOnOneLot,
  pollUntil,
  recallLot,
} from '@v2v/testing';
import { api } from './support/journeys';

/**
 * QA-04, TRC-01, TRC-04 on the running stack: a lot consumed by the batches of two journeys, one
 * at INST-001 (demo user `hospital`) and one at INST-002 (`hospital-inst-002`), is recalled by
 * the qualified person; the recall reaches both journeys and both institutions' feeds.
 */
let lotId: string;
let journeys: InstitutionJourney[];
let recall: Recall;

/** The newest page of a user's feed: a recall is the latest thing that happened to these. */
async function recallInFeed(user: string, donorCode: string) {
  const res = await api.as<NotificationPage>(user, 'GET', '/api/notifications?limit=100');
  return res.body.notifications?.find(
    (n: InstitutionNotification) =>
      n.donorCode === donorCode && n.messageCode === 'product-recalled',
  );
}

beforeAll(async () => {
  ({ lotId, journeys } = await journeysOnOneLot(api));
  const recalled = await recallLot(api, lotId, 'supplier notice: IL-2 lot endotoxin out of limit');
  expect(recalled.status).toBe(201);
  recall = recalled.body;
  // Two journeys through production and their batch records before the recall.
}, 600_000);

describe('a recall through the gateway (QA-04, TRC-01, TRC-04)', () => {
  it('QA-04 TRC-01 TRC-04 reaches both journeys of the lot and both institutions’ feeds', async () => {
    expect(recall).toMatchObject({
      scope: 'key-material-lot',
      lotId,
      classification: 'I',
      decidedBy: { userId: 'qa-qp', role: 'qa-qp' },
    });
    expect(recall.units.map((u) => u.donorCode).sort()).toEqual(
      journeys.map((j) => j.donorCode).sort(),
    );
    expect(recall.units.every((u) => u.status === 'open')).toBe(true);

    for (const journey of journeys) {
      const view = await pollUntil(`the recall on ${journey.donorCode}`, async () => {
        const res = await api.as<{ view: JourneyView }>(
          'ops',
          'GET',
          `/api/journeys/${journey.donorCode}`,
        );
        return res.body.view?.recalls?.length ? res.body.view : undefined;
      });
      expect(view.recalls).toEqual([
        expect.objectContaining({ recallId: recall.recallId, subject: lotId, classification: 'I' }),
      ]);
      const notice = await pollUntil(
        `the recall in the feed of ${journey.hospitalUser}`,
        () => recallInFeed(journey.hospitalUser, journey.donorCode),
        { timeoutMs: 120_000, intervalMs: 1000 },
      );
      expect(notice).toMatchObject({
        institutionId: journey.institutionId,
        kind: 'recall',
        severity: 'urgent',
        parameters: { recallId: recall.recallId, classification: 'I' },
      });
    }
    // Each institution hears of its own patient only (CSV-03).
    const [first, second] = journeys;
    expect(await recallInFeed(first.hospitalUser, second.donorCode)).toBeUndefined();
    expect(await recallInFeed(second.hospitalUser, first.donorCode)).toBeUndefined();
  });

  it('QA-04 refuses the release of a recalled product, naming the recall', async () => {
    const release = await attemptRelease(api, journeys[0]);
    expect(release).toMatchObject({
      status: 409,
      body: { code: 'QA-04', message: expect.stringContaining(`recall ${recall.recallId}`) },
    });
  });

  it("QA-04 records a unit's end once and prints the recall report", async () => {
    const unit = journeys[1];
    const path = `/api/recalls/${recall.recallId}/units/${unit.donorCode}/disposition`;
    const body = { disposition: 'destroyed', note: 'product destroyed at the factory, witnessed' };
    const ended = await api.as<RecallUnit>('ops', 'POST', path, { body });
    expect(ended).toMatchObject({
      status: 200,
      body: { donorCode: unit.donorCode, status: 'destroyed', disposition: { note: body.note } },
    });
    expect(
      await api.as('qa-qp', 'POST', path, { body: { ...body, disposition: 'returned' } }),
    ).toMatchObject({ status: 409, body: { code: 'QA-04' } });

    const listed = await api.as<Recall>('qa-qp', 'GET', `/api/recalls/${recall.recallId}`);
    expect(Object.fromEntries(listed.body.units.map((u) => [u.donorCode, u.status]))).toEqual({
      [journeys[0].donorCode]: 'open',
      [unit.donorCode]: 'destroyed',
    });

    const report = await api.as<string>('ops', 'GET', `/api/recalls/${recall.recallId}/report.pdf`);
    expect(report.status).toBe(200);
    expect(String(report.body).startsWith('%PDF')).toBe(true);
  });
});
