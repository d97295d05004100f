import { randomInt, randomUUID } from 'node:crypto';
import { DataSource, DataSourceOptions } from 'typeorm';
import {
  type Actor,
  CART_CD19_V1,
  formatDonorCode,
  generateDonorUniqueCode,
  type JourneyStep,
  type SignedStep,
  type StepOccurrence,
  TOPICS,
} from '@v2v/contracts';
import { migrationDatabaseUrl } from '@v2v/database';
import { JourneyStepRecorder, RandomUuidGenerator, StepInput } from '@v2v/service-kit';
import {
  sealSignature,
  signatureOf,
  SignatureRecorder,
  signatureSealPrivateKey,
  signatureSealPublicKey,
} from '@v2v/signatures';
import { RoomBookingRepository } from '../../calendar/room-booking.repository';
import { ManufacturingSlotRepository } from '../../manufacturing-slots/manufacturing-slot.repository';
import { PRODUCTION_SCHEMA, productionDataSourceOptions } from '../../production.data-source';
import { ProcessRepository } from '../../processes/process.repository';
import { ProcessValidationStanding } from '../../processes/usecases/process-validation-standing.usecase';
import { BatchRepository } from '../batch.repository';
import { RetainedDonorMaterial } from '../retained-donor-material';
import { RetainedMaterialRepository } from '../retained-material.repository';
import { RejectFailedBatchUseCase } from './reject-failed-batch.usecase';
import { RemanufactureBatchUseCase } from './remanufacture-batch.usecase';
import { StartProductionUseCase } from './start-production.usecase';

// Real PostgreSQL, the production schema as migrated: the service's own role, and the schema
// owner for the refusals that hold even for it.
let dataSource: DataSource;
let owner: DataSource;
let start: StartProductionUseCase;
let reject: RejectFailedBatchUseCase;
let remanufacture: RemanufactureBatchUseCase;
beforeAll(async () => {
  dataSource = await new DataSource(productionDataSourceOptions()).initialize();
  owner = await new DataSource({
    ...productionDataSourceOptions(),
    url: migrationDatabaseUrl(),
  } as DataSourceOptions).initialize();
  const steps = new JourneyStepRecorder(dataSource, {
    schema: PRODUCTION_SCHEMA,
    producer: 'production',
    topic: TOPICS.production,
  });
  const batches = new BatchRepository(dataSource);
  const processes = new ProcessRepository(dataSource);
  const retained = new RetainedDonorMaterial(
    new RetainedMaterialRepository(),
    new RandomUuidGenerator(),
  );
  const signatures = new SignatureRecorder(PRODUCTION_SCHEMA, signatureSealPublicKey());
  start = new StartProductionUseCase(
    steps,
    batches,
    processes,
    new ProcessValidationStanding(processes),
    retained,
    new ManufacturingSlotRepository(dataSource),
  );
  reject = new RejectFailedBatchUseCase(
    steps,
    batches,
    signatures,
    new RoomBookingRepository(dataSource),
  );
  remanufacture = new RemanufactureBatchUseCase(steps, batches, retained, signatures);
});
afterAll(async () => {
  await dataSource?.destroy();
  await owner?.destroy();
});

const operator: Actor = { userId: 'it.operator', role: 'operator' };
const qa: Actor = { userId: 'it.qa', role: 'qa-qp' };
const PORTION = { volumeMl: 12.5, container: 'cryobag 25 ml', storageLocation: 'LN2-1 rack 4' };

const newDonorCode = () =>
  formatDonorCode(
    generateDonorUniqueCode({ facility: 'X9999', year: 2026, sequence: randomInt(1, 999_999) }),
  );

function stepInput<S extends JourneyStep>(
  donorCode: string,
  actor: Actor,
  payload: unknown,
  occurrence: StepOccurrence,
  eventId = randomUUID(),
): StepInput<S> {
  return {
    journeyId: `journey-${donorCode}`,
    donorCode,
    eventId,
    occurrence,
    actor,
    occurredAt: new Date().toISOString(),
    order: {
      patientReference: 'PAT-IT-FB',
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
      requestedCollectionDate: '2026-12-01',
    },
    specification: { productCode: 'CART-CD19', version: 1, ...CART_CD19_V1 },
    knownPositiveMarkers: [],
    payload,
  } as StepInput<S>;
}

/** A signed decision as the gateway hands it on: the decision and its sealed signature. */
function signedStep<S extends SignedStep>(
  step: S,
  donorCode: string,
  decision: Record<string, unknown>,
  repeat = 0,
  signer: Actor = qa,
): StepInput<S> {
  const eventId = randomUUID();
  const signature = sealSignature(
    signatureOf({ step, donorCode, eventId, detail: decision }, signer),
    signatureSealPrivateKey(),
  );
  return stepInput<S>(donorCode, signer, { ...decision, signature }, { cycle: 0, repeat }, eventId);
}

const startBatch = (donorCode: string, repeat: number, retainedPortion?: typeof PORTION) =>
  start.execute(
    stepInput<'startProduction'>(
      donorCode,
      operator,
      { labelScan: donorCode, ...(retainedPortion ? { retainedPortion } : {}) },
      { cycle: 0, repeat },
    ),
  );
const rejection = (donorCode: string, repeat = 0) =>
  signedStep(
    'rejectFailedBatch',
    donorCode,
    {
      reason: 'sterility test of the culture failed',
      disposition: 'destroy',
    },
    repeat,
  );
const remake = (donorCode: string, repeat = 0) =>
  signedStep('remanufactureBatch', donorCode, { reason: 'retained material in date' }, repeat);

const rows = (sql: string, params: unknown[]) => dataSource.query(sql, params);
const batchesOf = (donorCode: string) =>
  rows(
    `SELECT batch_number, status, disposition, rejection_reason, rejected_at IS NOT NULL AS rejected
       FROM production.batch WHERE donor_code = $1 ORDER BY started_at`,
    [donorCode],
  );
const writtenFor = async (eventId: string) => {
  const [n] = await rows(
    `SELECT (SELECT count(*)::int FROM production.step_record WHERE event_id = $1) AS records,
            (SELECT count(*)::int FROM production.electronic_signature WHERE record_id = $1) AS signatures,
            (SELECT count(*)::int FROM production.retained_material_use WHERE event_id = $1) AS uses,
            (SELECT count(*)::int FROM production.outbox WHERE envelope->'metadata'->>'causationId' = $1) AS events`,
    [eventId],
  );
  return n;
};
const NOTHING = { records: 0, signatures: 0, uses: 0, events: 0 };

describe('a failed batch rejected and re-made from retained donor material (MAT-04, PRD-01)', () => {
  it('MAT-04 PRD-01 rejects with the signed disposition, re-makes once from the retained portion, then refuses NO_RETAINED_MATERIAL', async () => {
    const donorCode = newDonorCode();
    const first = await startBatch(donorCode, 0, PORTION);
    expect(first.summary).toContain('12.5 ml of donor material set aside in cryobag 25 ml');
    const [portion] = await rows(
      `SELECT retained_id, batch_number, volume_ml::float AS volume_ml, container, storage_location
         FROM production.retained_donor_material WHERE donor_code = $1`,
      [donorCode],
    );
    expect(portion).toMatchObject({
      batch_number: first.batchNumber,
      volume_ml: 12.5,
      container: 'cryobag 25 ml',
      storage_location: 'LN2-1 rack 4',
    });
    const [{ n: portionAudits }] = await rows(
      `SELECT count(*)::int AS n FROM production.audit_entry WHERE record_type = 'retained-donor-material' AND record_id = $1`,
      [portion.retained_id],
    );
    expect(portionAudits).toBe(1);

    const rejectInput = rejection(donorCode);
    const rejected = await reject.execute(rejectInput);
    expect(rejected.summary).toBe(
      'batch rejected in production, disposition destroy (MAT-04): sterility test of the culture failed',
    );
    expect(await batchesOf(donorCode)).toEqual([
      {
        batch_number: first.batchNumber,
        status: 'rejected',
        disposition: 'destroy',
        rejection_reason: 'sterility test of the culture failed',
        rejected: true,
      },
    ]);
    const [signature] = await rows(
      `SELECT signer, signer_role, meaning, record_type, donor_code FROM production.electronic_signature WHERE record_id = $1`,
      [rejectInput.eventId],
    );
    expect(signature).toEqual({
      signer: 'it.qa',
      signer_role: 'qa-qp',
      meaning: 'rejected',
      record_type: 'rejectFailedBatch',
      donor_code: donorCode,
    });
    const [event] = await rows(
      `SELECT topic, message_key, envelope->>'messageType' AS type FROM production.outbox
        WHERE envelope->'metadata'->>'causationId' = $1`,
      [rejectInput.eventId],
    );
    expect(event).toEqual({
      topic: TOPICS.production,
      message_key: donorCode,
      type: 'batch.rejected-in-production.v1',
    });

    const remakeInput = remake(donorCode);
    await remanufacture.execute(remakeInput);
    expect(await writtenFor(remakeInput.eventId)).toEqual({
      records: 1,
      signatures: 1,
      uses: 1,
      events: 1,
    });
    const [use] = await rows(
      `SELECT retained_id, rejected_batch_number, used_by FROM production.retained_material_use WHERE event_id = $1`,
      [remakeInput.eventId],
    );
    expect(use).toEqual({
      retained_id: portion.retained_id,
      rejected_batch_number: first.batchNumber,
      used_by: 'it.qa',
    });

    const second = await startBatch(donorCode, 1);
    expect(second.batchNumber).toMatch(/^B\d{4}-\d{6}$/);
    expect(second.batchNumber).not.toBe(first.batchNumber);
    expect((await batchesOf(donorCode)).map((b: { status: string }) => b.status)).toEqual([
      'rejected',
      'in-production',
    ]);

    // PRD-01: one batch in production per donor code, whatever asks.
    const third = await startBatch(donorCode, 2).catch((e: unknown) => e);
    expect(third).toMatchObject({
      code: 'RECORD_ALREADY_EXISTS',
      message: expect.stringContaining('UQ_batch_donor_code_in_production'),
    });

    await reject.execute(rejection(donorCode, 1));
    const again = remake(donorCode, 1);
    await expect(remanufacture.execute(again)).rejects.toMatchObject({
      code: 'NO_RETAINED_MATERIAL',
      message: expect.stringContaining(
        `was used by the re-manufacture decision ${remakeInput.eventId}`,
      ),
    });
    expect(await writtenFor(again.eventId)).toEqual(NOTHING);
  });

  it('NO_RETAINED_MATERIAL refuses a re-make when nothing was set aside, writing nothing', async () => {
    const donorCode = newDonorCode();
    await startBatch(donorCode, 0);
    await reject.execute(rejection(donorCode));
    const input = remake(donorCode);
    await expect(remanufacture.execute(input)).rejects.toMatchObject({
      code: 'NO_RETAINED_MATERIAL',
      message: expect.stringContaining(`no donor material of ${donorCode} was set aside`),
    });
    expect(await writtenFor(input.eventId)).toEqual(NOTHING);
  });

  it('refuses NOT_FOUND to reject without a batch in production, and to re-make a batch not rejected', async () => {
    const donorCode = newDonorCode();
    const noBatch = rejection(donorCode);
    await expect(reject.execute(noBatch)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await writtenFor(noBatch.eventId)).toEqual(NOTHING);
    await startBatch(donorCode, 0, PORTION);
    const early = remake(donorCode);
    await expect(remanufacture.execute(early)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('is in-production'),
    });
    expect(await writtenFor(early.eventId)).toEqual(NOTHING);
  });

  it('CSV-02 PER-03 refuses a forged, an unsigned and a non-QA signature, leaving the batch in production', async () => {
    const donorCode = newDonorCode();
    await startBatch(donorCode, 0, PORTION);
    const signed = rejection(donorCode);
    const payload = signed.payload as unknown as Record<string, unknown>;
    /** The same decision with a payload the gateway did not sign as it stands. */
    const tampered = (changed: Record<string, unknown>) =>
      reject.execute({ ...signed, payload: { ...payload, ...changed } } as typeof signed);
    await expect(tampered({ disposition: 'quarantine' })).rejects.toMatchObject({
      code: 'CSV-02',
      message: expect.stringContaining('the signed content is not the content being recorded'),
    });
    const signature = payload.signature as Record<string, unknown>;
    await expect(
      tampered({ signature: { ...signature, signedAt: new Date(0).toISOString() } }),
    ).rejects.toMatchObject({
      code: 'CSV-02',
      message: expect.stringContaining('forged or altered'),
    });
    await expect(tampered({ signature: { password: 'secret' } })).rejects.toMatchObject({
      code: 'CSV-02',
      message: expect.stringContaining('no well-formed electronic signature'),
    });
    const byOperator = signedStep(
      'rejectFailedBatch',
      donorCode,
      { reason: 'culture failed', disposition: 'destroy' },
      0,
      operator,
    );
    await expect(reject.execute(byOperator)).rejects.toMatchObject({ code: 'PER-03' });
    expect(await writtenFor(signed.eventId)).toEqual(NOTHING);
    expect(await writtenFor(byOperator.eventId)).toEqual(NOTHING);
    expect((await batchesOf(donorCode)).map((b: { status: string }) => b.status)).toEqual([
      'in-production',
    ]);
  });

  it('MAT-04 refuses a rejection without a disposition before anything is written', async () => {
    const donorCode = newDonorCode();
    await startBatch(donorCode, 0);
    const input = signedStep('rejectFailedBatch', donorCode, { reason: 'culture failed' });
    await expect(reject.execute(input)).rejects.toMatchObject({ code: 'MAT-04' });
    expect(await writtenFor(input.eventId)).toEqual(NOTHING);
    await expect(
      owner.query(
        `UPDATE production.batch SET status = 'rejected', rejected_at = now(), rejection_reason = 'x'
          WHERE donor_code = $1`,
        [donorCode],
      ),
    ).rejects.toThrow(/CHK_batch_rejection/);
  });

  it('keeps the retained portion and its use as written, for the service role and the owner', async () => {
    const donorCode = newDonorCode();
    await startBatch(donorCode, 0, PORTION);
    await reject.execute(rejection(donorCode));
    await remanufacture.execute(remake(donorCode));
    for (const table of ['retained_donor_material', 'retained_material_use']) {
      const update = `UPDATE production.${table} SET donor_code = donor_code WHERE donor_code = $1`;
      const remove = `DELETE FROM production.${table} WHERE donor_code = $1`;
      await expect(dataSource.query(update, [donorCode])).rejects.toThrow(/permission denied/);
      await expect(dataSource.query(remove, [donorCode])).rejects.toThrow(/permission denied/);
      await expect(owner.query(update, [donorCode])).rejects.toThrow(/never changed or deleted/);
      await expect(owner.query(remove, [donorCode])).rejects.toThrow(/never changed or deleted/);
    }
  });
});
