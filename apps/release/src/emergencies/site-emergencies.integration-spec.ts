import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor, EmergencyDecision } from '@v2v/contracts';
import type { StepInput } from '@v2v/service-kit';
import {
  sealSignature,
  SignatureRecorder,
  signatureOf,
  signatureSealPrivateKey,
  signatureSealPublicKey,
} from '@v2v/signatures';
import { INTACT_SITE_RECEIPT, siteThaw } from '@v2v/testing';
import { ReceiveAtSiteUseCase } from '../release/usecases/receive-at-site.usecase';
import { RecordThawUseCase } from '../release/usecases/record-thaw.usecase';
import {
  newDonorCode,
  openReleaseTestContext,
  stepInputOf,
} from '../__tests__/release-test-context';
import { ProductEmergencyRepository } from './product-emergency.repository';
import { CloseProductEmergencyUseCase } from './usecases/close-product-emergency.usecase';
import { ReportSiteEmergencyUseCase } from './usecases/report-site-emergency.usecase';

const nurse: Actor = { userId: 'it.nurse', role: 'hospital' };
const qa: Actor = { userId: 'it.qa', role: 'qa-qp' };

let dataSource: DataSource;
let emergencies: ProductEmergencyRepository;
let receipt: ReceiveAtSiteUseCase;
let thaw: RecordThawUseCase;
let report: ReportSiteEmergencyUseCase;
let closeEmergency: CloseProductEmergencyUseCase;
let context: Awaited<ReturnType<typeof openReleaseTestContext>>;

beforeAll(async () => {
  context = await openReleaseTestContext();
  ({ dataSource } = context);
  emergencies = new ProductEmergencyRepository(dataSource);
  receipt = new ReceiveAtSiteUseCase(context.steps, emergencies);
  thaw = new RecordThawUseCase(context.steps, emergencies);
  report = new ReportSiteEmergencyUseCase(dataSource, emergencies);
  closeEmergency = new CloseProductEmergencyUseCase(
    dataSource,
    emergencies,
    new SignatureRecorder('release', signatureSealPublicKey()),
  );
});
afterAll(() => context?.destroy());

const receiptOf = (
  donorCode: string,
  inspection: Partial<typeof INTACT_SITE_RECEIPT> = {},
  labelScan: string | undefined = donorCode,
) =>
  stepInputOf(donorCode, nurse, {
    receivedAt: new Date(Date.now() - 60_000).toISOString(),
    ...(labelScan ? { labelScan } : {}),
    inspection: { ...INTACT_SITE_RECEIPT, ...inspection },
  }) as StepInput<'receiveAtSite'>;

const thawOf = (donorCode: string) =>
  stepInputOf(donorCode, nurse, siteThaw(new Date().toISOString())) as StepInput<'recordThaw'>;

const reportOf = (donorCode: string, eventId = randomUUID()) => ({
  donorCode,
  eventId,
  kind: 'illegible-label' as const,
  foundAt: new Date().toISOString(),
  description: 'label smudged by condensation at the bedside',
  reportedBy: nurse,
});

const outboxOf = (donorCode: string) =>
  dataSource.query(
    `SELECT "message_type" AS "messageType", "envelope"->'payload' AS "payload"
       FROM release.outbox WHERE "message_key" = $1 ORDER BY "created_at"`,
    [donorCode],
  ) as Promise<Array<{ messageType: string; payload: { detail: Record<string, unknown> } }>>;

function closureOf(
  emergencyId: string,
  donorCode: string,
  emergency?: EmergencyDecision,
  eventId = randomUUID(),
) {
  const closure = {
    investigation: 'bag cracked in transport; product exposed',
    rootCause: 'dry shipper dropped at the courier hub',
    correctiveAction: 'courier re-trained; product not used',
  };
  const detail = { donorCode, ...closure, ...(emergency ? { emergency } : {}) };
  const signature = sealSignature(
    signatureOf(
      {
        meaning: 'closed',
        recordType: 'deviation-closure',
        recordId: emergencyId,
        donorCode,
        detail,
      },
      qa,
    ),
    signatureSealPrivateKey(),
  );
  return {
    donorCode,
    ...closure,
    ...(emergency ? { emergency } : {}),
    eventId,
    closedBy: qa,
    signature,
  };
}

describe('emergencies found at the site (QA-04, TRC-03)', () => {
  it('QA-04 a receipt with a damaged bag is recorded and opens an emergency in its transaction; thaw held until QA closes it, for good when QA destroys it', async () => {
    const donorCode = newDonorCode();
    const record = await receipt.execute(
      receiptOf(donorCode, { containerIntact: false, note: 'bag cracked at a corner' }),
    );
    expect(record.summary).toContain('damaged-bag');
    const [emergency] = await emergencies.list(donorCode);
    expect(emergency).toMatchObject({
      kind: 'damaged-bag',
      siteSource: 'receipt',
      foundBy: nurse.userId,
      status: 'open',
      description: expect.stringContaining('bag cracked at a corner'),
    });
    const [step] = await dataSource.query(
      `SELECT "detail" FROM release.step_record WHERE donor_code = $1 AND step = 'receiveAtSite'`,
      [donorCode],
    );
    expect(step.detail.deviations).toEqual([
      expect.objectContaining({ deviationId: emergency.deviationId, rule: 'QA-04' }),
    ]);
    expect((await outboxOf(donorCode)).map((m) => m.messageType)).toContain('deviation.raised.v1');
    await expect(thaw.execute(thawOf(donorCode))).rejects.toMatchObject({ code: 'QA-04' });

    const { deviationId } = emergency;
    await expect(
      closeEmergency.execute(deviationId, closureOf(deviationId, donorCode)),
    ).rejects.toMatchObject({ code: 'QA-04', message: expect.stringContaining('preventive') });
    const decision: EmergencyDecision = {
      preventiveAction: 'shock-absorbing shipper inserts',
      disposition: 'destroy',
      recall: { decision: 'not-needed', rationale: 'one unit, never infused' },
    };
    await expect(
      closeEmergency.execute(deviationId, closureOf(deviationId, donorCode, decision)),
    ).resolves.toMatchObject({ status: 'closed' });
    expect((await emergencies.list(donorCode))[0]).toMatchObject({
      status: 'closed',
      preventiveAction: decision.preventiveAction,
      disposition: 'destroy',
      recallDecision: 'not-needed',
      recallRationale: 'one unit, never infused',
      recallId: null,
    });
    await expect(thaw.execute(thawOf(donorCode))).rejects.toMatchObject({
      code: 'QA-04',
      message: expect.stringContaining('is destroy'),
    });
  });

  it('QA-04 CSV-01 answers a closure retried under its event id as the first time, and only that closure', async () => {
    const [donorCode, otherCode] = [newDonorCode(), newDonorCode()];
    for (const code of [donorCode, otherCode])
      await receipt.execute(receiptOf(code, { containerIntact: false, note: 'bag cracked' }));
    const [{ deviationId }] = await emergencies.list(donorCode);
    const [other] = await emergencies.list(otherCode);
    const decision: EmergencyDecision = {
      preventiveAction: 'shock-absorbing shipper inserts',
      disposition: 'destroy',
      recall: { decision: 'not-needed', rationale: 'one unit, never infused' },
    };
    const eventId = randomUUID();
    // closureOf seals a new signature for every attempt, as the gateway does.
    const closed = await closeEmergency.execute(
      deviationId,
      closureOf(deviationId, donorCode, decision, eventId),
    );
    const messages = (await outboxOf(donorCode)).length;
    // Its answer lost, the same request again: answered as the first time, nothing written.
    await expect(
      closeEmergency.execute(deviationId, closureOf(deviationId, donorCode, decision, eventId)),
    ).resolves.toEqual(closed);
    const rows = async (sql: string) =>
      ((await dataSource.query(sql, [deviationId])) as Array<{ n: number }>)[0].n;
    expect(
      await rows(
        `SELECT count(*)::int AS n FROM release.product_emergency_closure WHERE emergency_id = $1`,
      ),
    ).toBe(1);
    expect(
      await rows(
        `SELECT count(*)::int AS n FROM release.electronic_signature WHERE record_type = 'deviation-closure' AND record_id = $1`,
      ),
    ).toBe(1);
    expect(
      await rows(
        `SELECT count(*)::int AS n FROM release.audit_entry WHERE record_type = 'product-emergency-closure' AND record_id = $1`,
      ),
    ).toBe(1);
    expect(await outboxOf(donorCode)).toHaveLength(messages);
    await expect(
      closeEmergency.execute(deviationId, closureOf(deviationId, donorCode, decision)),
    ).rejects.toMatchObject({ code: 'DEVIATION_ALREADY_CLOSED' });
    await expect(
      closeEmergency.execute(
        other.deviationId,
        closureOf(other.deviationId, otherCode, decision, eventId),
      ),
    ).rejects.toMatchObject({
      code: 'IDEMPOTENCY_CONFLICT',
      message: `event id ${eventId} was already used to close deviation ${deviationId}`,
    });
    expect(await emergencies.list(otherCode)).toEqual([
      expect.objectContaining({ deviationId: other.deviationId, status: 'open' }),
    ]);
  });

  it('QA-04 TRC-03 a wrong label is recorded as an emergency, not only refused, and is never used', async () => {
    const donorCode = newDonorCode();
    await receipt.execute(receiptOf(donorCode, {}, newDonorCode()));
    const [emergency] = await emergencies.list(donorCode);
    expect(emergency).toMatchObject({ kind: 'wrong-label', status: 'open' });
    const decision: EmergencyDecision = {
      preventiveAction: 'label check at packing by two operators',
      disposition: 'use',
      recall: { decision: 'not-needed', rationale: 'single unit' },
    };
    await expect(
      closeEmergency.execute(
        emergency.deviationId,
        closureOf(emergency.deviationId, donorCode, decision),
      ),
    ).rejects.toMatchObject({ code: 'QA-04', message: expect.stringContaining('cannot be used') });
  });

  it('QA-04 a lost label needs no scan; an intact receipt opens nothing', async () => {
    const lost = newDonorCode();
    await receipt.execute(
      receiptOf(lost, { labelPresent: false, labelLegible: false, note: 'no label' }, undefined),
    );
    expect((await emergencies.list(lost)).map((e) => e.kind)).toEqual(['lost-label']);
    const intact = newDonorCode();
    await receipt.execute(receiptOf(intact));
    expect(await emergencies.list(intact)).toEqual([]);
  });

  it('QA-04 the hospital reports an emergency after the receipt, once per event id; not before it', async () => {
    const donorCode = newDonorCode();
    await expect(report.execute(reportOf(donorCode))).rejects.toMatchObject({
      code: 'STEP_OUT_OF_ORDER',
    });
    await receipt.execute(receiptOf(donorCode));
    const command = reportOf(donorCode);
    const notice = await report.execute(command);
    expect(notice).toMatchObject({
      rule: 'QA-04',
      description: expect.stringContaining('illegible-label'),
    });
    await expect(report.execute(command)).resolves.toEqual(notice);
    expect(await emergencies.list(donorCode)).toEqual([
      expect.objectContaining({ deviationId: notice.deviationId, siteSource: 'report' }),
    ]);
    const raised = (await outboxOf(donorCode)).filter(
      (m) => m.messageType === 'deviation.raised.v1',
    );
    expect(raised).toEqual([
      expect.objectContaining({
        payload: expect.objectContaining({
          detail: expect.objectContaining({ kind: 'illegible-label', source: 'site-report' }),
        }),
      }),
    ]);
    await expect(thaw.execute(thawOf(donorCode))).rejects.toMatchObject({ code: 'QA-04' });
  });
});
