import { randomUUID } from 'node:crypto';
import { Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Client as PgClient } from 'pg';
import { journeyStepUpdate, journeyViewQuery, journeyWorkflowId } from '@v2v/contracts';
import { databaseUrl, migrationDatabaseUrl } from '@v2v/database';
import { internalCallHeaders, internalServiceToken, SERVICE_PORTS } from '@v2v/service-kit';
import { temporalAddress } from '@v2v/temporal';
import {
  GatewayClient,
  happyPathSteps,
  prepareRelease,
  qcResultsWithinSpecification,
  scriptedStep,
  stepsBefore,
} from '@v2v/testing';

/**
 * The trust boundaries of docs/security.md, tried from outside the gateway: Temporal's frontend
 * and the services' internal ports are reachable on this machine, as an attacker on the
 * network would reach them, and every forged decision must fail where it would be written.
 */
const api = new GatewayClient(`http://127.0.0.1:${SERVICE_PORTS.gateway}`);
let connection: Connection;
let temporal: Client;
let db: PgClient;

beforeAll(async () => {
  connection = await Connection.connect({ address: temporalAddress() });
  temporal = new Client({ connection });
  db = new PgClient({ connectionString: migrationDatabaseUrl() });
  await db.connect();
});
afterAll(async () => {
  await connection.close();
  await db.end();
});

async function journeyBefore(step: 'releaseBatch' | 'recordQcResult') {
  const patientReference = `PAT-${randomUUID().slice(0, 8)}`;
  const order = await api.as<{ donorCode: string }>('scheduler', 'POST', '/api/orders', {
    body: {
      patientReference,
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
      requestedCollectionDate: '2026-12-01',
    },
  });
  expect(order.status).toBe(201);
  const { donorCode } = order.body;
  const steps = happyPathSteps({ donorCode, patientReference });
  for (const scripted of stepsBefore(steps, step)) {
    expect((await api.run(donorCode, scripted)).status).toBe(200);
  }
  // Every gate settled, so what refuses a forged release is its signature, not a gate (QA-02).
  if (step === 'releaseBatch') await prepareRelease(api, donorCode);
  return { donorCode, steps };
}

/** Sends a journey step straight to Temporal, as `temporal workflow update execute` would. */
async function forgedUpdate(
  donorCode: string,
  step: 'releaseBatch' | 'recordQcResult',
  payload: unknown,
) {
  const handle = temporal.workflow.getHandle(journeyWorkflowId(donorCode));
  try {
    await handle.executeUpdate(journeyStepUpdate(step), {
      args: [
        {
          eventId: randomUUID(),
          actor:
            step === 'releaseBatch'
              ? { userId: 'qa-qp', role: 'qa-qp' }
              : { userId: 'qc', role: 'qc' },
          payload: payload as never,
        },
      ],
    });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      return { refused: error.cause.type, message: error.cause.message };
    }
    throw error;
  }
  return { refused: undefined, message: 'accepted' };
}

async function rows(sql: string, params: unknown[]): Promise<number> {
  const result = await db.query<{ n: number }>(sql, params);
  return result.rows[0].n;
}

const signaturesOf = (schema: string, donorCode: string) =>
  rows(
    `SELECT count(*)::int AS n FROM "${schema}"."electronic_signature" WHERE "donor_code" = $1`,
    [donorCode],
  );
const releaseDecisionsOf = (donorCode: string) =>
  rows(
    `SELECT count(*)::int AS n FROM "release"."step_record" WHERE "donor_code" = $1 AND "record_type" = 'release-decision'`,
    [donorCode],
  );

describe('trust boundaries tried from outside the gateway', () => {
  it('CSV-02 refuses a batch release sent straight to Temporal with a made-up signature, and writes nothing', async () => {
    const { donorCode } = await journeyBefore('releaseBatch');
    const made = {
      signatureId: randomUUID(),
      signer: { userId: 'qa-qp', role: 'qa-qp' },
      meaning: 'released',
      signedAt: new Date().toISOString(),
      signedContentHash: 'a'.repeat(64),
      subject: { recordType: 'releaseBatch', recordId: randomUUID(), donorCode },
      seal: Buffer.alloc(64, 1).toString('base64'),
    };
    const forgeries = [
      { comment: 'forged', signature: made },
      { comment: 'no signature at all' },
      { comment: 'garbage', signature: 'trust me' },
    ];
    for (const payload of forgeries) {
      const answer = await forgedUpdate(donorCode, 'releaseBatch', payload);
      expect({ payload, refused: answer.refused }).toEqual({ payload, refused: 'CSV-02' });
    }
    const view = await temporal.workflow
      .getHandle(journeyWorkflowId(donorCode))
      .query(journeyViewQuery);
    expect(view.stage).toBe('release-review');
    expect(await releaseDecisionsOf(donorCode)).toBe(0);
    expect(await signaturesOf('release', donorCode)).toBe(0);
  });

  it("CSV-02 refuses the qualified person's real signature of another decision replayed onto a batch release", async () => {
    const { donorCode } = await journeyBefore('releaseBatch');
    const [materialRelease] = (
      await db.query<{ detail: { signature: unknown } }>(
        `SELECT "detail" FROM "donor_intake"."step_record" WHERE "donor_code" = $1 AND "record_type" = 'material-disposition'`,
        [donorCode],
      )
    ).rows;
    expect(materialRelease.detail.signature).toMatchObject({ meaning: 'released' });
    const answer = await forgedUpdate(donorCode, 'releaseBatch', {
      comment: 'batch record reviewed',
      signature: materialRelease.detail.signature,
    });
    expect(answer).toMatchObject({
      refused: 'CSV-02',
      message: expect.stringContaining('it was made for releaseMaterial'),
    });
    expect(await releaseDecisionsOf(donorCode)).toBe(0);
  });

  it('refuses QC results sent straight to Temporal with a year-0 instant, a time 3 days ahead or a field the body has not, recording nothing', async () => {
    const { donorCode } = await journeyBefore('recordQcResult');
    const [viability] = qcResultsWithinSpecification(new Date()).filter(
      (r) => r.testCode === 'viability',
    );
    const threeDaysAhead = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const forgeries = [
      { results: [{ ...viability, testedAt: '0000-01-01T00:00:00Z' }] },
      { results: [{ ...viability, verdict: 'within-specification' }] },
      { results: [{ ...viability, testedAt: threeDaysAhead }] },
    ];
    const answers = [];
    for (const payload of forgeries) {
      const answer = await forgedUpdate(donorCode, 'recordQcResult', payload);
      expect(answer).toMatchObject({
        refused: 'VALIDATION_FAILED',
        message: expect.stringMatching(/^the recordQcResult payload is invalid: results\.0/),
      });
      answers.push(answer);
    }
    // GEN-01 where the result is written: judged against when the journey accepted the update.
    expect(answers[2].message).toMatch(
      /^the recordQcResult payload is invalid: results\.0\.testedAt: implausible instant: .* is more than 5 minutes after receipt .*\(GEN-01\)$/,
    );
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM release.qc_result WHERE donor_code = $1`,
      [donorCode],
    );
    expect(rows[0].n).toBe(0);
  });

  it('CSV-03 refuses QC results sent straight to Temporal with a NUL character, on record, and the journey takes the true results after', async () => {
    const { donorCode, steps } = await journeyBefore('recordQcResult');
    const results = qcResultsWithinSpecification(new Date()).map((r) =>
      r.testCode === 'viability' ? { ...r, method: '7-AAD\u0000flow cytometry' } : r,
    );
    const viabilityAt = results.findIndex((r) => r.testCode === 'viability');
    // Before the activity refused it, PostgreSQL refused the insert, the activity was retried
    // for the step's budget (about 20 s) and the update answered SERVICE_UNAVAILABLE with the
    // driver's raw message, as if the service were down, with no refusal on record.
    expect(await forgedUpdate(donorCode, 'recordQcResult', { results })).toEqual({
      refused: 'VALIDATION_FAILED',
      message: `the recordQcResult input is invalid: payload.results.${viabilityAt}.method: contains a NUL character (U+0000), which no record can hold`,
    });
    const onRecord = await db.query(
      `SELECT "code", "details" FROM "release"."refusal_record"
        WHERE "donor_code" = $1 AND "activity" = 'recordQcResult'`,
      [donorCode],
    );
    expect(onRecord.rows).toEqual([
      {
        code: 'VALIDATION_FAILED',
        details: {
          fieldErrors: [expect.objectContaining({ path: `payload.results.${viabilityAt}.method` })],
        },
      },
    ]);
    expect(await api.run(donorCode, scriptedStep(steps, 'recordQcResult'))).toMatchObject({
      status: 200,
    });
  });

  it('CSV-02 leaves no signature behind when the owning service refuses the signed decision', async () => {
    const { donorCode, steps } = await journeyBefore('recordQcResult');
    // Every result needed before release passes, but sterility shows growth: an OOS (QA-02.1).
    const failing = {
      results: [
        ...qcResultsWithinSpecification(new Date()),
        {
          testCode: 'sterility',
          value: 'growth',
          method: 'membrane filtration',
          instrumentId: 'QC-INCUBATOR-02',
          sampleId: 'QCS-FP-02',
          testedAt: new Date().toISOString(),
        },
      ],
    };
    expect((await api.step('qc', donorCode, 'recordQcResult', failing)).status).toBe(200);
    const investigations = await api.as<unknown[]>(
      'qc',
      'GET',
      `/api/journeys/${donorCode}/oos-investigations`,
    );
    expect(investigations.body).toEqual([
      expect.objectContaining({ testCode: 'sterility', status: 'laboratory' }),
    ]);
    const release = scriptedStep(steps, 'releaseBatch');
    const refused = await api.run<{ code: string; message: string }>(donorCode, release);
    expect(refused).toMatchObject({
      status: 409,
      body: { code: 'QA-02', message: expect.stringContaining('QA-02.1') },
    });
    expect(await signaturesOf('release', donorCode)).toBe(0);
    // The release's preparation (prepareRelease) signed the batch record reviewed; the refused
    // release itself left no signature at the gateway either.
    expect(
      await rows(
        `SELECT count(*)::int AS n FROM "gateway"."electronic_signature"
          WHERE "donor_code" = $1 AND "record_type" = 'releaseBatch'`,
        [donorCode],
      ),
    ).toBe(0);
    expect(await releaseDecisionsOf(donorCode)).toBe(0);
  });

  it('CSV-02 refuses a lot release posted to production with the service credential but a made-up signature', async () => {
    const received = await api.as<{ lotId: string }>(
      'operator',
      'POST',
      '/api/key-materials/IL2-RH/lots',
      {
        body: {
          supplier: 'CytoPure Biologics',
          supplierLot: `TB-${randomUUID().slice(0, 6)}`,
          expiresOn: '2027-12-31',
          certificateOfAnalysisChecked: true,
          inspectionResult: 'pass',
        },
      },
    );
    expect(received.status).toBe(201);
    const lot = received.body.lotId;
    const response = await fetch(
      `http://127.0.0.1:${SERVICE_PORTS.production}/internal/key-material-lots/${lot}/decisions`,
      {
        method: 'POST',
        headers: {
          ...internalCallHeaders(internalServiceToken()),
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          decision: 'released',
          eventId: randomUUID(),
          decidedBy: { userId: 'qa-qp', role: 'qa-qp' },
          signature: {
            signatureId: randomUUID(),
            signer: { userId: 'qa-qp', role: 'qa-qp' },
            meaning: 'released',
            signedAt: new Date().toISOString(),
            signedContentHash: 'a'.repeat(64),
            subject: { recordType: 'key-material-lot', recordId: lot },
            seal: Buffer.alloc(64, 2).toString('base64'),
          },
        }),
      },
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'CSV-02' });
    expect(
      await rows(
        `SELECT count(*)::int AS n FROM "production"."electronic_signature" WHERE "record_id" = $1`,
        [lot],
      ),
    ).toBe(0);
  });

  it('CSV-02 the services database role can neither change nor delete a recorded signature', async () => {
    const { donorCode, steps } = await journeyBefore('releaseBatch');
    expect((await api.run(donorCode, scriptedStep(steps, 'releaseBatch'))).status).toBe(200);
    const service = new PgClient({ connectionString: databaseUrl() });
    await service.connect();
    try {
      for (const sql of [
        `UPDATE "release"."electronic_signature" SET "signer" = 'mallory' WHERE "donor_code" = $1`,
        `DELETE FROM "release"."electronic_signature" WHERE "donor_code" = $1`,
      ]) {
        await expect(service.query(sql, [donorCode])).rejects.toThrow(
          /permission denied|cannot be edited or deleted/,
        );
      }
    } finally {
      await service.end();
    }
    expect(await signaturesOf('release', donorCode)).toBe(1);
  });

  it('refuses a call to an internal API without the service credential, on every service', async () => {
    const internal = {
      donorIntake: '/internal/institutions',
      production: '/internal/product-specifications',
      release: '/internal/qualified-shippers',
      traceability: '/internal/trace/donors/H00012600000100',
    } as const;
    for (const [service, path] of Object.entries(internal)) {
      const port = SERVICE_PORTS[service as keyof typeof internal];
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      expect({ service, status: response.status }).toEqual({ service, status: 401 });
      const forged = await fetch(`http://127.0.0.1:${port}${path}`, {
        headers: { authorization: 'Bearer local-development-internal-service-token-9999' },
      });
      expect({ service, status: forged.status }).toEqual({ service, status: 401 });
    }
  });
});
