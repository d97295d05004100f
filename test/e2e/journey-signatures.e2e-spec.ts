import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { databaseUrl, migrationDatabaseUrl } from '@v2v/database';
import { happyPathSteps, scriptedStep, stepsBefore } from '@v2v/testing';
import { scopedEventId } from '../../apps/gateway/src/idempotency/idempotency-scope';
import { api, newOrder } from './support/journeys';
import { forgetKeptAnswer } from './support/lost-answers';

describe('electronic signatures of release decisions', () => {
  it("CSV-02 PER-03 needs the qualified person's re-entered password, binds the signature to the record and voids it when the record changes", async () => {
    const order = await newOrder();
    const steps = happyPathSteps(order);
    for (const scripted of stepsBefore(steps, 'releaseMaterial'))
      expect((await api.run(order.donorCode, scripted)).status).toBe(200);
    const release = scriptedStep(steps, 'releaseMaterial');

    const byOperator = await api.step<{ code: string }>(
      'operator',
      order.donorCode,
      'releaseMaterial',
      release.payload,
    );
    expect(byOperator.status).toBe(403);
    expect(byOperator.body.code).toBe('PER-03');
    const unsigned = await api.step<{ code: string }>('qa-qp', order.donorCode, 'releaseMaterial', {
      comment: 'no signature',
    });
    expect(unsigned.status).toBe(400);
    const wrongPassword = await api.step<{ code: string }>(
      'qa-qp',
      order.donorCode,
      'releaseMaterial',
      { comment: 'x', signature: { password: 'not-my-password' } },
    );
    expect(wrongPassword.status).toBe(403);
    expect(wrongPassword.body.code).toBe('CSV-02');
    expect(
      (await api.as<{ view: { stage: string } }>('ops', 'GET', `/api/journeys/${order.donorCode}`))
        .body.view.stage,
    ).toBe('received');

    const key = randomUUID();
    expect(
      (await api.step('qa-qp', order.donorCode, 'releaseMaterial', release.payload, key)).status,
    ).toBe(200);
    // The step's event id is its Idempotency-Key scoped to user, route and donor code (A9).
    const eventId = scopedEventId({
      username: 'qa-qp',
      route: 'POST /api/journeys/:donorCode/release-material',
      donorCode: order.donorCode,
      key,
    });
    type Signature = {
      signer: { userId: string; role: string };
      meaning: string;
      signedAt: string;
      valid: boolean;
      voidReason?: string;
    };
    const signed = await api.as<Signature[]>(
      'ops',
      'GET',
      `/api/journeys/${order.donorCode}/signatures`,
    );
    expect(signed.body).toEqual([
      expect.objectContaining({
        signer: { userId: 'qa-qp', role: 'qa-qp' },
        meaning: 'released',
        valid: true,
      }),
    ]);

    // The signed decision cannot be changed by the services' role (append-only, CSV-01) …
    const change = `UPDATE donor_intake.step_record SET detail = jsonb_set(detail, '{comment}', '"changed after signing"') WHERE event_id = $1`;
    const service = new PgClient({ connectionString: databaseUrl() });
    await service.connect();
    try {
      await expect(service.query(change, [eventId])).rejects.toThrow(
        /permission denied|cannot be changed/,
      );
    } finally {
      await service.end();
    }
    // … and should the schema owner switch the trigger off to edit it, the signature shows void.
    const owner = new PgClient({ connectionString: migrationDatabaseUrl() });
    await owner.connect();
    try {
      await expect(owner.query(change, [eventId])).rejects.toThrow(/cannot be changed \(CSV-01\)/);
      await owner.query('BEGIN');
      await owner.query(
        `ALTER TABLE donor_intake.step_record DISABLE TRIGGER "TRG_step_record_append_only"`,
      );
      await owner.query(change, [eventId]);
      await owner.query(
        `ALTER TABLE donor_intake.step_record ENABLE TRIGGER "TRG_step_record_append_only"`,
      );
      await owner.query('COMMIT');
    } finally {
      await owner.end();
    }
    const after = await api.as<Signature[]>(
      'ops',
      'GET',
      `/api/journeys/${order.donorCode}/signatures`,
    );
    expect(after.body).toEqual([
      expect.objectContaining({
        valid: false,
        voidReason: 'the signed record changed after signing',
      }),
    ]);
  });

  it('CSV-01 CSV-02 a signed release whose answer was lost is answered on its repeat with the first answer, signed and recorded once', async () => {
    const order = await newOrder();
    const steps = happyPathSteps(order);
    for (const scripted of stepsBefore(steps, 'releaseMaterial'))
      expect((await api.run(order.donorCode, scripted)).status).toBe(200);
    // Read once: every send of this command carries the same body.
    const { payload } = scriptedStep(steps, 'releaseMaterial');
    const key = randomUUID();
    const first = await api.step('qa-qp', order.donorCode, 'releaseMaterial', payload, key);
    expect(first.status).toBe(200);
    // The gateway killed after the journey answered and before it kept the answer: no answer
    // is on record, so the client's repeat with the same key runs the command again.
    expect(await forgetKeptAnswer('qa-qp', order.donorCode, key)).toBe(1);
    const repeat = await api.step('qa-qp', order.donorCode, 'releaseMaterial', payload, key);
    expect({ status: repeat.status, body: repeat.body }).toEqual({
      status: 200,
      body: first.body,
    });
    const signed = await api.as<Array<{ meaning: string }>>(
      'ops',
      'GET',
      `/api/journeys/${order.donorCode}/signatures`,
    );
    expect(signed.body.map((s) => s.meaning)).toEqual(['released']);
    // A new decision (another key) at the stage the release moved on from is still refused.
    const another = await api.step<{ code: string }>(
      'qa-qp',
      order.donorCode,
      'releaseMaterial',
      payload,
    );
    expect({ status: another.status, code: another.body.code }).toEqual({
      status: 409,
      code: 'STEP_OUT_OF_ORDER',
    });
  });
});
