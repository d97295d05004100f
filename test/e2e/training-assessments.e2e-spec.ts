import type { InstitutionNotification, NotificationPage } from '@v2v/contracts';
import {
  activeUser,
  api,
  fields,
  type Refusal,
  type TrainingRecord,
  today,
  unique,
} from './support/accounts';

/**
 * OTH-02 through the gateway: a hospital clinician's training for a hospital-signed step is
 * recorded with its assessment, and only a passed one lets them sign. The training guard runs
 * before the body is read, so an empty body shows whether training lets the request through.
 */
describe('training assessments of hospital staff (OTH-02)', () => {
  const order = async () => {
    const res = await api.as<{ donorCode: string }>('scheduler', 'POST', '/api/orders', {
      body: {
        patientReference: `PAT-${unique()}`,
        institutionId: 'INST-001',
        productCode: 'CART-CD19',
        requestedCollectionDate: '2026-12-01',
      },
    });
    expect(res.status).toBe(201);
    return res.body.donorCode;
  };
  const train = (username: string, assessment?: Record<string, unknown>) =>
    api.as<TrainingRecord & Refusal & { assessment: unknown }>(
      'admin',
      'POST',
      `/api/admin/users/${username}/training-records`,
      {
        body: {
          operation: 'recordInfusion',
          validFrom: today(-7),
          validUntil: today(365),
          ...(assessment ? { assessment } : {}),
        },
      },
    );
  const passed = {
    method: 'observed',
    result: 'passed',
    assessor: 'hospital-2',
    assessedOn: today(),
  };

  it('OTH-02 refuses recordInfusion to a clinician without a passed assessment', async () => {
    const nurse = await activeUser('hospital', 'INST-001');
    const donorCode = await order();
    const infuse = () =>
      api.request<Refusal>('POST', `/api/journeys/${donorCode}/record-infusion`, {
        body: {},
        token: nurse.token,
      });

    const missing = await train(nurse.username);
    expect(missing.status).toBe(400);
    expect(fields(missing.body)).toEqual(['assessment']);
    const failed = await train(nurse.username, { ...passed, result: 'failed' });
    expect(failed.status).toBe(400);
    expect(fields(failed.body)).toEqual(['assessment.result']);
    const self = await train(nurse.username, {
      ...passed,
      assessor: nurse.username,
      assessedOn: today(1),
    });
    expect(self.status).toBe(400);
    expect(fields(self.body).sort()).toEqual(['assessment.assessedOn', 'assessment.assessor']);
    const malformed = await train(nurse.username, { ...passed, method: 'hearsay' });
    expect(malformed.status).toBe(400);
    expect(fields(malformed.body)).toEqual(['assessment.method']);

    const refused = await infuse();
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('OTH-02');

    const recorded = await train(nurse.username, passed);
    expect(recorded.status).toBe(201);
    expect(recorded.body.assessment).toEqual(passed);
    // Trained and assessed: the request gets past training (the empty body is refused later).
    const through = await infuse();
    expect(through.status).not.toBe(403);
    expect(through.body.code).not.toBe('OTH-02');
  });

  it("TRC-04 names training expiring in 10 days in its institution's feed only", async () => {
    const nurse = await activeUser('hospital', 'INST-001');
    const recorded = await api.as<TrainingRecord>(
      'admin',
      'POST',
      `/api/admin/users/${nurse.username}/training-records`,
      {
        body: {
          operation: 'recordInfusion',
          validFrom: today(-7),
          validUntil: today(10),
          assessment: passed,
        },
      },
    );
    expect(recorded.status).toBe(201);
    // Newest first: the notice the record write just made is on the first unacknowledged page.
    const feed = (user: string) =>
      api.as<NotificationPage>(user, 'GET', '/api/notifications?unacknowledged=true&limit=100');
    const ours = (n: InstitutionNotification) =>
      n.kind === 'training-due' && n.parameters.username === nurse.username;

    const own = await feed('hospital');
    expect(own.status).toBe(200);
    const notice = own.body.notifications.filter(ours);
    expect(notice).toEqual([
      expect.objectContaining({
        institutionId: 'INST-001',
        donorCode: null,
        messageCode: 'training-due',
        parameters: { username: nurse.username, operation: 'recordInfusion', expiresOn: today(10) },
        acknowledgement: null,
      }),
    ]);

    const other = await feed('hospital-inst-002');
    expect(other.status).toBe(200);
    expect(other.body.notifications.filter(ours)).toEqual([]);
    const foreign = await api.as<Refusal>(
      'hospital-inst-002',
      'POST',
      `/api/notifications/${notice[0].id}/acknowledgement`,
      { body: {} },
    );
    expect(foreign.status).toBe(404);

    const ack = await api.as<InstitutionNotification>(
      'hospital',
      'POST',
      `/api/notifications/${notice[0].id}/acknowledgement`,
      { body: { note: 'reassessment booked' } },
    );
    expect(ack.status).toBe(200);
    expect(ack.body.acknowledgement).toMatchObject({
      acknowledgedBy: { userId: 'hospital', role: 'hospital' },
      note: 'reassessment booked',
    });
    const after = await feed('hospital');
    expect(after.body.notifications.filter(ours)).toEqual([]);
  });
});
