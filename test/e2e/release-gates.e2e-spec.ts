import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import type { ReleaseGateStanding } from '@v2v/contracts';
import { databaseUrl, migrationDatabaseUrl } from '@v2v/database';
import {
  demoUserPassword,
  happyPathSteps,
  pollUntil,
  prepareRelease,
  scriptedStep,
  stepsBefore,
} from '@v2v/testing';
import { api, newOrder } from './support/journeys';

interface Refusal {
  code: string;
  message: string;
}
interface Signature {
  step: string;
  meaning: string;
  valid: boolean;
  voidReason?: string;
}

const UNKNOWN = 'A99991500000100M';
const signature = { password: demoUserPassword() };
const gatesOf = (user: string, donorCode: string) =>
  api.as<ReleaseGateStanding & Refusal>(user, 'GET', `/api/journeys/${donorCode}/release-gates`);
const release = (donorCode: string) =>
  api.step<{ stage: string } & Refusal>('qa-qp', donorCode, 'releaseBatch', {
    comment: 'every gate settled; released',
    signature,
  });
const stageOf = async (donorCode: string) =>
  (await api.as<{ view: { stage: string } }>('ops', 'GET', `/api/journeys/${donorCode}`)).body.view
    .stage;

async function sql<T>(url: string, text: string, params: unknown[]): Promise<T[]> {
  const db = new PgClient({ connectionString: url });
  await db.connect();
  try {
    return (await db.query(text, params)).rows as T[];
  } finally {
    await db.end();
  }
}

const releaseSignatures = async (donorCode: string) =>
  (
    await sql<{ n: number }>(
      databaseUrl(),
      `SELECT count(*)::int AS n FROM release.electronic_signature WHERE donor_code = $1`,
      [donorCode],
    )
  )[0].n;

/** A journey with its QC results recorded: production completed, the release child running. */
async function journeyInReleaseReview() {
  const order = await newOrder();
  const steps = happyPathSteps(order);
  for (const scripted of [
    ...stepsBefore(steps, 'recordQcResult'),
    scriptedStep(steps, 'recordQcResult'),
  ])
    expect({
      step: scripted.step,
      status: (await api.run(order.donorCode, scripted)).status,
    }).toEqual({ step: scripted.step, status: 200 });
  return { ...order, steps };
}

describe('the batch release gathers its gates and a void release stops shipment (QA-02, QA-01, CSV-02)', () => {
  it('QA-02 QA-01 refuses the release naming every open gate, and releases once they settle, conditionally on sterility', async () => {
    const { donorCode } = await journeyInReleaseReview();
    // The child's first evaluation may predate the QC results (it starts when the batch
    // completes); the one after `recordQcResult` signalled it has QA-02.1 settled.
    const open = await pollUntil('the evaluation after the QC results', async () => {
      const res = await gatesOf('qa-qp', donorCode);
      return res.status === 200 &&
        res.body.gates.some((g) => g.item === 'QA-02.1' && g.status === 'settled')
        ? res.body
        : undefined;
    });
    const status = Object.fromEntries(
      open.gates.map((g) => [`${g.item} ${g.answeredBy}`, g.status]),
    );
    expect(status).toMatchObject({
      'QA-02.1 release': 'settled',
      'QA-02.2 production': 'open',
      'QA-01 release': 'open',
      'QA-02.4 traceability': 'settled',
      'PRD-05 production': 'settled',
    });
    expect(open.releasable).toBe(false);

    const refused = await release(donorCode);
    expect(refused).toMatchObject({ status: 409, body: { code: 'QA-02' } });
    expect(refused.body.message).toContain('QA-02.2');
    expect(refused.body.message).toContain('QA-01');
    // The refusal came before anything was signed (CSV-02).
    expect(await releaseSignatures(donorCode)).toBe(0);

    await prepareRelease(api, donorCode);
    const settled = await pollUntil('the gates settled', async () => {
      const res = await gatesOf('qc', donorCode);
      return res.status === 200 && res.body.releasable ? res.body : undefined;
    });
    expect(settled.resultsToFollow).toEqual([expect.objectContaining({ testCode: 'sterility' })]);
    expect(await release(donorCode)).toMatchObject({ status: 200, body: { stage: 'released' } });
  });

  it('CSV-02 QA-02 voids a release whose QC result was edited behind the service, refuses its shipment, and ships once released again', async () => {
    const { donorCode, steps } = await journeyInReleaseReview();
    await prepareRelease(api, donorCode);
    expect(await release(donorCode)).toMatchObject({ status: 200, body: { stage: 'released' } });

    // The schema owner edits a recorded result in place, past its append-only trigger.
    const edit = `UPDATE release.qc_result SET value_numeric = 71 WHERE donor_code = $1 AND test_code = 'viability'`;
    const owner = new PgClient({ connectionString: migrationDatabaseUrl() });
    await owner.connect();
    try {
      await owner.query('BEGIN');
      await owner.query(
        'ALTER TABLE release.qc_result DISABLE TRIGGER "TRG_qc_result_append_only"',
      );
      await owner.query(edit, [donorCode]);
      await owner.query('ALTER TABLE release.qc_result ENABLE TRIGGER "TRG_qc_result_append_only"');
      await owner.query('COMMIT');
    } finally {
      await owner.end();
    }

    const shipment = scriptedStep(steps, 'shipToSite');
    const refused = await api.run<Refusal>(donorCode, shipment, randomUUID());
    expect(refused).toMatchObject({ status: 409, body: { code: 'QA-02' } });
    expect(refused.body.message).toMatch(
      /the release of batch \S+ is void: QA-02\.1 changed since the release/,
    );
    expect(await stageOf(donorCode)).toBe('release-review');
    const signatures = await api.as<Signature[]>(
      'ops',
      'GET',
      `/api/journeys/${donorCode}/signatures`,
    );
    expect(signatures.body.filter((s) => s.step === 'releaseBatch')).toEqual([
      expect.objectContaining({ valid: false, voidReason: expect.stringContaining('QA-02.1') }),
    ]);

    // The qualified person releases again over what is on record now; then it ships.
    expect(await release(donorCode)).toMatchObject({ status: 200, body: { stage: 'released' } });
    expect(await api.run(donorCode, shipment, randomUUID())).toMatchObject({
      status: 200,
      body: { stage: 'shipped' },
    });
  });

  it('QA-04 a sterility result out of specification after the shipment raises an emergency the hospital sees and holds the infusion until QA closes it', async () => {
    const { donorCode, steps } = await journeyInReleaseReview();
    await prepareRelease(api, donorCode);
    expect(await release(donorCode)).toMatchObject({ status: 200, body: { stage: 'released' } });
    for (const step of ['shipToSite', 'receiveAtSite', 'recordThaw'] as const)
      expect((await api.run(donorCode, scriptedStep(steps, step))).status).toBe(200);

    const late = await api.step<{ stage: string }>('qc', donorCode, 'recordQcResult', {
      results: [
        {
          testCode: 'sterility',
          value: 'growth',
          method: 'BacT/ALERT 14 days',
          instrumentId: 'QC-INSTR-09',
          sampleId: 'QCS-FP-02',
          testedAt: new Date().toISOString(),
        },
      ],
    });
    expect(late).toMatchObject({ status: 200, body: { stage: 'received-at-site' } });

    // The hospital reads it on its patient's journey at once.
    const seen = await api.as<{
      view: { deviations: Array<{ deviationId: string; rule: string }> };
    }>('hospital', 'GET', `/api/journeys/${donorCode}`);
    const emergency = seen.body.view.deviations.find((d) => d.rule === 'QA-04');
    expect(emergency).toMatchObject({
      description: expect.stringContaining('sterility result growth'),
    });

    const infusion = scriptedStep(steps, 'recordInfusion');
    const held = await api.run<Refusal>(donorCode, infusion, randomUUID());
    expect(held).toMatchObject({ status: 409, body: { code: 'QA-04' } });
    expect(held.body.message).toContain(emergency!.deviationId);

    const listed = await api.as<Array<{ deviationId: string; status: string }>>(
      'ops',
      'GET',
      `/api/journeys/${donorCode}/deviations`,
    );
    expect(listed.body).toEqual([
      expect.objectContaining({ deviationId: emergency!.deviationId, status: 'open' }),
    ]);
    const closed = await api.as(
      'qa-qp',
      'POST',
      `/api/journeys/${donorCode}/deviations/${emergency!.deviationId}/close`,
      {
        body: {
          investigation: 'sterility positive on day 9; the product was at the site, not infused',
          rootCause: 'sampling port contaminated during the QC sampling',
          correctiveAction: 'retest of the retained sample negative; sampling procedure changed',
          signature,
        },
      },
    );
    expect(closed.status).toBe(200);
    expect(await api.run(donorCode, infusion, randomUUID())).toMatchObject({ status: 200 });
  });

  it('CSV-03 refuses the release gates to an operator, answers 404 for an unknown code and 409 before production completes', async () => {
    const { donorCode } = await newOrder();
    expect((await gatesOf('operator', donorCode)).status).toBe(403);
    expect(await gatesOf('qa-qp', UNKNOWN)).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });
    // Before production completes there is no release to show.
    expect(await gatesOf('qa-qp', donorCode)).toMatchObject({
      status: 409,
      body: { code: 'QA-02' },
    });
  });
});
