import { randomUUID } from 'node:crypto';
import type { InstitutionNotification, NotificationPage } from '@v2v/contracts';
import { happyPathSteps, type HttpResult, pollUntil, stepsBefore } from '@v2v/testing';
import { api, newOrder } from './support/journeys';

/**
 * TRC-04 on the running stack: a journey of INST-001 (the demo user `hospital`) is driven to its
 * shipment; donor-intake's consumer turns the custody event into a notification of INST-001's
 * feed, which the demo user `hospital-inst-002` (INST-002) never sees nor acknowledges.
 */
const SECOND_HOSPITAL = 'hospital-inst-002';
let donorCode: string;
let shipment: InstitutionNotification;

/**
 * Walks a user's feed from the newest, page by page, for the first notification that matches;
 * undefined only once the whole feed has been read.
 */
async function findInFeed(
  user: string,
  matches: (n: InstitutionNotification) => boolean,
  query = '',
): Promise<InstitutionNotification | undefined> {
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const res: HttpResult<NotificationPage> = await api.as<NotificationPage>(
      user,
      'GET',
      `/api/notifications?limit=100${query}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.status).toBe(200);
    const found = res.body.notifications.find(matches);
    if (found || !res.body.nextCursor) return found;
    cursor = res.body.nextCursor;
  }
  throw new Error(`the feed of ${user} is longer than this test reads`);
}

const ofJourney = (messageCode: string) => (n: InstitutionNotification) =>
  n.donorCode === donorCode && n.messageCode === messageCode;

beforeAll(async () => {
  const order = await newOrder();
  donorCode = order.donorCode;
  for (const scripted of stepsBefore(happyPathSteps(order), 'receiveAtSite')) {
    const res = await api.run(donorCode, scripted);
    expect({ step: scripted.step, status: res.status, body: res.body }).toMatchObject({
      step: scripted.step,
      status: 200,
    });
  }
  // The consumer may still be catching up on the stack's earlier events when it starts.
  shipment = await pollUntil(
    'the shipment in the hospital feed',
    () => findInFeed('hospital', ofJourney('product-shipped')),
    { timeoutMs: 120_000, intervalMs: 1000 },
  );
});

describe("the hospital's notification feed through the gateway (TRC-04)", () => {
  it("TRC-04 lists a journey's shipment in its own hospital's feed and in no other's", async () => {
    expect(shipment).toMatchObject({
      institutionId: 'INST-001',
      kind: 'journey-status',
      severity: 'info',
      parameters: { courier: expect.any(String), shippedAt: expect.any(String) },
      acknowledgement: null,
      overdue: false,
    });
    // The journey's earlier changes that matter to the site are in the feed too.
    expect(await findInFeed('hospital', ofJourney('batch-released'))).toBeDefined();
    expect(await findInFeed('hospital', ofJourney('material-received-at-factory'))).toBeDefined();
    expect(await findInFeed('ops', (n) => n.id === shipment.id, '&institutionId=INST-001')).toEqual(
      shipment,
    );

    expect(await findInFeed(SECOND_HOSPITAL, (n) => n.donorCode === donorCode)).toBeUndefined();
    const foreignFeed = await api.as(
      SECOND_HOSPITAL,
      'GET',
      '/api/notifications?institutionId=INST-001',
    );
    expect(foreignFeed).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND', message: 'no institution INST-001' },
    });
  });

  it('TRC-04 records the hospital acknowledgement once, with who and when', async () => {
    const path = `/api/notifications/${shipment.id}/acknowledgement`;
    const first = await api.as<InstitutionNotification>('hospital', 'POST', path, {
      body: { note: 'pharmacy informed of the arrival' },
    });
    expect(first).toMatchObject({
      status: 200,
      body: {
        id: shipment.id,
        acknowledgement: {
          acknowledgedBy: { userId: 'hospital', role: 'hospital' },
          acknowledgedAt: expect.any(String),
          note: 'pharmacy informed of the arrival',
        },
      },
    });
    const again = await api.as<InstitutionNotification>('hospital', 'POST', path, { body: {} });
    expect(again.status).toBe(200);
    expect(again.body.acknowledgement).toEqual(first.body.acknowledgement);
    const listed = await findInFeed('hospital', (n) => n.id === shipment.id);
    expect(listed?.acknowledgement).toEqual(first.body.acknowledgement);
  });

  it("TRC-04 answers another institution's acknowledgement 404, as an unknown id", async () => {
    const foreign = await api.as<Record<string, unknown>>(
      SECOND_HOSPITAL,
      'POST',
      `/api/notifications/${shipment.id}/acknowledgement`,
      { body: {} },
    );
    const unknownId = randomUUID();
    const unknown = await api.as<Record<string, unknown>>(
      SECOND_HOSPITAL,
      'POST',
      `/api/notifications/${unknownId}/acknowledgement`,
      { body: {} },
    );
    expect(foreign).toEqual({
      status: 404,
      body: { code: 'NOT_FOUND', message: `no notification ${shipment.id}`, details: {} },
    });
    expect({
      ...unknown,
      body: {
        ...unknown.body,
        message: String(unknown.body.message).replace(unknownId, shipment.id),
      },
    }).toEqual(foreign);
    // The first acknowledgement stands, untouched by the refused one.
    const listed = await findInFeed('hospital', (n) => n.id === shipment.id);
    expect(listed?.acknowledgement?.acknowledgedBy.userId).toBe('hospital');
  });
});
