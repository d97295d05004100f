import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  type Actor,
  type DecideRetentionExceptionCommand,
  type RecordSampleCommand,
  RETENTION_EXCEPTION_RECORD,
  retentionExceptionDetail,
} from '@v2v/contracts';
import {
  sealSignature,
  SignatureRecorder,
  signatureOf,
  signatureSealPrivateKey,
  signatureSealPublicKey,
} from '@v2v/signatures';
import { SampleRepository } from './sample.repository';
import { DecideRetentionExceptionUseCase } from './usecases/decide-retention-exception.usecase';
import { RecordSampleUseCase } from './usecases/record-sample.usecase';
import { RetentionStandingUseCase } from './usecases/retention-standing.usecase';
import { newDonorCode, openReleaseTestContext } from '../__tests__/release-test-context';

const qc: Actor = { userId: 'it.qc', role: 'qc' };
const qa: Actor = { userId: 'it.qa', role: 'qa-qp' };
// A PNG's 8-byte signature and the start of its IHDR chunk: what release checks of a PNG.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

let dataSource: DataSource;
let owner: DataSource;
let record: RecordSampleUseCase;
let decide: DecideRetentionExceptionUseCase;
let retention: RetentionStandingUseCase;
let samples: SampleRepository;

let context: Awaited<ReturnType<typeof openReleaseTestContext>>;

beforeAll(async () => {
  context = await openReleaseTestContext();
  ({ dataSource, owner } = context);
  samples = new SampleRepository(dataSource);
  record = new RecordSampleUseCase(dataSource, samples);
  decide = new DecideRetentionExceptionUseCase(
    dataSource,
    samples,
    new SignatureRecorder('release', signatureSealPublicKey()),
  );
  retention = new RetentionStandingUseCase(samples);
});
afterAll(() => context?.destroy());

const count = async (sql: string, params: unknown[]) =>
  ((await dataSource.query(sql, params)) as Array<{ n: number }>)[0].n;

function sampleOf(donorCode: string, over: Record<string, unknown> = {}): RecordSampleCommand {
  return {
    subject: 'donor-material',
    donorCode,
    purpose: 'retention',
    quantity: 2,
    unit: 'mL',
    container: 'cryovial 2 mL',
    storageLocation: 'LN2-03 rack B position 14',
    storageCondition: '≤ -150 °C vapour phase LN2',
    retentionUntil: '2031-12-31',
    takenAt: new Date(Date.now() - 3_600_000).toISOString(),
    eventId: randomUUID(),
    recordedBy: qc,
    ...over,
  } as RecordSampleCommand;
}

/** An exception command with the signature the gateway seals for exactly this decision. */
function exceptionOf(
  donorCode: string,
  over: Partial<Omit<DecideRetentionExceptionCommand, 'signature'>>,
): DecideRetentionExceptionCommand {
  const eventId = over.eventId ?? randomUUID();
  const base = {
    donorCode,
    kind: 'donor-material-not-retained' as const,
    rationale: 'the apheresis yield was just enough for manufacture',
    decidedBy: qa,
    ...over,
  };
  const photo = base.labelPhoto && Buffer.from(base.labelPhoto.base64, 'base64');
  const sha256 = photo && createHash('sha256').update(photo).digest('hex');
  const signature = sealSignature(
    signatureOf(
      {
        meaning: 'approved',
        recordType: RETENTION_EXCEPTION_RECORD,
        recordId: eventId,
        donorCode,
        detail: retentionExceptionDetail(base, sha256),
      },
      qa,
    ),
    signatureSealPrivateKey(),
  );
  return { ...base, eventId, signature };
}

const signaturesOf = (eventId: string) =>
  count(
    `SELECT count(*)::int AS n FROM release.electronic_signature WHERE record_type = $1 AND record_id = $2`,
    [RETENTION_EXCEPTION_RECORD, eventId],
  );

describe('the sample register (QA-01)', () => {
  it('QA-01 records a retention sample once per event id, with its audit entry', async () => {
    const donorCode = newDonorCode();
    const command = sampleOf(donorCode);
    const recorded = await record.execute(command);
    expect(recorded).toMatchObject({
      subject: 'donor-material',
      donorCode,
      retentionUntil: '2031-12-31',
      quantity: 2,
      recordedBy: qc,
    });
    expect(await record.execute(command)).toEqual(recorded);
    await expect(record.execute({ ...command, quantity: 5 })).rejects.toMatchObject({
      code: 'IDEMPOTENCY_CONFLICT',
    });
    expect(
      await count(
        `SELECT count(*)::int AS n FROM release.audit_entry WHERE record_type = 'sample' AND record_id = $1`,
        [recorded.sampleId],
      ),
    ).toBe(1);
  });

  it('QA-01 refuses a retention sample without its end, and a lot sample kept short of expiry', async () => {
    const donorCode = newDonorCode();
    await expect(
      record.execute(sampleOf(donorCode, { retentionUntil: undefined })),
    ).rejects.toMatchObject({ code: 'QA-01' });
    const lot = {
      subject: 'key-material-lot',
      materialCode: 'IL2-RH',
      lotId: `KML-IT-${randomUUID().slice(0, 6)}`,
      lotExpiresOn: '2027-12-31',
    };
    await expect(
      record.execute(
        sampleOf(donorCode, {
          ...lot,
          donorCode: undefined,
          retentionUntil: '2027-06-30',
        }),
      ),
    ).rejects.toMatchObject({ code: 'QA-01', details: { item: 'QA-01.2' } });
    const kept = await record.execute(
      sampleOf(donorCode, { ...lot, donorCode: undefined, retentionUntil: '2027-12-31' }),
    );
    expect(kept).toMatchObject({
      subject: 'key-material-lot',
      donorCode: null,
      lotExpiresOn: '2027-12-31',
    });
    expect(
      await count(`SELECT count(*)::int AS n FROM release.sample WHERE donor_code = $1`, [
        donorCode,
      ]),
    ).toBe(0);
  });

  it('QA-01 opens QA-01.1 and QA-01.3 until samples or exceptions settle them', async () => {
    const donorCode = newDonorCode();
    expect((await retention.standing(donorCode)).items.map((i) => i.item)).toEqual([
      'QA-01.1',
      'QA-01.3',
    ]);
    await record.execute(sampleOf(donorCode));
    const open = await retention.standing(donorCode);
    expect(open).toMatchObject({ settled: false, items: [{ item: 'QA-01.3' }] });
    await expect(retention.requireSettled({ donorCode })).rejects.toMatchObject({
      code: 'QA-01',
      details: { items: ['QA-01.3'] },
    });

    const exception = exceptionOf(donorCode, {
      kind: 'product-not-retained',
      rationale: 'the whole batch was needed for the dose',
      labelPhoto: { contentType: 'image/png', base64: PNG.toString('base64') },
    });
    const decided = await decide.execute(exception);
    expect(decided).toMatchObject({
      kind: 'product-not-retained',
      signatureId: exception.signature.signatureId,
      labelPhoto: {
        contentType: 'image/png',
        sha256: createHash('sha256').update(PNG).digest('hex'),
        sizeBytes: PNG.length,
      },
    });
    expect(await retention.standing(donorCode)).toEqual({ donorCode, settled: true, items: [] });
    expect(await samples.labelPhoto(donorCode, decided.exceptionId)).toMatchObject({
      contentType: 'image/png',
      content: PNG,
    });
    expect(await samples.labelPhoto(newDonorCode(), decided.exceptionId)).toBeUndefined();
    await expect(retention.requireSettled({ donorCode })).resolves.toBeUndefined();
    expect(await decide.execute(exception)).toEqual(decided);
    expect(await signaturesOf(exception.eventId)).toBe(1);
  });

  it('QA-01 refuses a product-not-retained exception without its photo and leaves no signature', async () => {
    const donorCode = newDonorCode();
    const exception = exceptionOf(donorCode, { kind: 'product-not-retained' });
    await expect(decide.check(exception)).rejects.toMatchObject({ code: 'QA-01' });
    await expect(decide.execute(exception)).rejects.toMatchObject({ code: 'QA-01' });
    const notPng = exceptionOf(donorCode, {
      kind: 'product-not-retained',
      labelPhoto: { contentType: 'image/png', base64: Buffer.from('GIF89a').toString('base64') },
    });
    await expect(decide.execute(notPng)).rejects.toMatchObject({ code: 'QA-01' });
    expect(await signaturesOf(exception.eventId)).toBe(0);
    expect(await signaturesOf(notPng.eventId)).toBe(0);
    expect((await retention.standing(donorCode)).settled).toBe(false);
  });

  it('QA-01 needs an intermediate retention sample of the journey for intermediate-retained', async () => {
    const donorCode = newDonorCode();
    const unknown = exceptionOf(donorCode, {
      kind: 'intermediate-retained',
      sampleId: randomUUID(),
    });
    await expect(decide.execute(unknown)).rejects.toMatchObject({ code: 'QA-01' });
    const intermediate = await record.execute(
      sampleOf(donorCode, { subject: 'intermediate', batchNumber: 'B2026-000123' }),
    );
    await decide.execute(
      exceptionOf(donorCode, { kind: 'intermediate-retained', sampleId: intermediate.sampleId }),
    );
    await decide.execute(exceptionOf(donorCode, { kind: 'donor-material-not-retained' }));
    expect((await retention.standing(donorCode)).settled).toBe(true);
  });

  it('CSV-02 refuses an exception whose signature was made for other content', async () => {
    const donorCode = newDonorCode();
    const signed = exceptionOf(donorCode, {});
    const altered = { ...signed, rationale: 'another reason than the one signed' };
    await expect(decide.execute(altered)).rejects.toMatchObject({ code: 'CSV-02' });
    expect(await signaturesOf(signed.eventId)).toBe(0);
  });

  it('QA-01 keeps samples, exceptions and photos append-only, even for the schema owner', async () => {
    const donorCode = newDonorCode();
    const sample = await record.execute(sampleOf(donorCode));
    const exception = await decide.execute(
      exceptionOf(donorCode, {
        kind: 'product-not-retained',
        labelPhoto: { contentType: 'image/png', base64: PNG.toString('base64') },
      }),
    );
    const rows: Array<[string, string, string]> = [
      ['sample', 'sample_id', sample.sampleId],
      ['retention_exception', 'exception_id', exception.exceptionId],
      ['retention_label_photo', 'photo_id', exception.labelPhoto!.photoId],
    ];
    for (const [table, key, id] of rows) {
      await expect(
        dataSource.query(`UPDATE release.${table} SET ${key} = ${key} WHERE ${key} = $1`, [id]),
      ).rejects.toThrow(/permission denied/);
      await expect(
        dataSource.query(`DELETE FROM release.${table} WHERE ${key} = $1`, [id]),
      ).rejects.toThrow(/permission denied/);
      await expect(dataSource.query(`TRUNCATE release.${table} CASCADE`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(
        owner.query(`UPDATE release.${table} SET ${key} = ${key} WHERE ${key} = $1`, [id]),
      ).rejects.toThrow(/never changed or deleted/);
      await expect(
        owner.query(`DELETE FROM release.${table} WHERE ${key} = $1`, [id]),
      ).rejects.toThrow(/never changed or deleted/);
    }
  });
});
