import { randomUUID } from 'node:crypto';
import { formatDonorCode, generateDonorUniqueCode } from '@v2v/contracts';
import { demoUserPassword, SEEDED_KEY_MATERIAL_LOTS } from '@v2v/testing';
import { api, newOrder } from './support/journeys';

// A PNG's 8-byte signature and the start of its IHDR chunk: release checks the signature only.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');
const signature = { password: demoUserPassword() };
/** A valid donor code nobody registered: facility Z9999 issues none. */
const UNKNOWN = formatDonorCode(
  generateDonorUniqueCode({ facility: 'Z9999', year: 0, sequence: 424_243 }),
);

interface Standing {
  settled: boolean;
  items: Array<{ item: string; message: string }>;
}
interface Refusal {
  code: string;
  message: string;
}

const retentionSample = {
  subject: 'donor-material',
  purpose: 'retention',
  quantity: 1.5,
  unit: 'mL',
  container: 'cryovial 2 mL',
  storageLocation: 'LN2-03 rack B position 14',
  storageCondition: '≤ -150 °C vapour phase LN2',
  retentionUntil: '2031-12-31',
};
const notRetained = (labelPhoto?: { contentType: string; base64: string }) => ({
  kind: 'product-not-retained',
  rationale: 'the whole batch was needed for the infusion dose (clinical need)',
  ...(labelPhoto ? { labelPhoto } : {}),
  signature,
});

const standingOf = (donorCode: string, as = 'qa-qp') =>
  api.as<Standing & Refusal>(as, 'GET', `/api/journeys/${donorCode}/retention`);
const decide = (donorCode: string, body: unknown, as = 'qa-qp') =>
  api.as<Refusal & { exceptionId: string; kind: string; labelPhoto: { sha256: string } | null }>(
    as,
    'POST',
    `/api/journeys/${donorCode}/retention-exceptions`,
    { body, idempotencyKey: randomUUID() },
  );

describe('samples and retention (QA-01)', () => {
  it('QA-01 settles a journey by a donor-material retention sample and a signed product exception', async () => {
    const { donorCode } = await newOrder();
    const recorded = await api.as<{ sampleId: string; recordedBy: { userId: string } }>(
      'qc',
      'POST',
      `/api/journeys/${donorCode}/samples`,
      {
        body: { ...retentionSample, takenAt: new Date(Date.now() - 60_000).toISOString() },
        idempotencyKey: randomUUID(),
      },
    );
    expect(recorded).toMatchObject({ status: 201, body: { recordedBy: { userId: 'qc' } } });

    const open = await standingOf(donorCode, 'qc');
    expect(open.status).toBe(200);
    expect(open.body.settled).toBe(false);
    expect(open.body.items.map((i) => i.item)).toEqual(['QA-01.3']);

    const withoutPhoto = await decide(donorCode, notRetained());
    expect(withoutPhoto.status).toBe(400);
    expect(withoutPhoto.body).toMatchObject({ code: 'QA-01' });
    expect(withoutPhoto.body.message).toMatch(/photo.*\(QA-01\)$/);

    const wrongPassword = await decide(donorCode, {
      ...notRetained({ contentType: 'image/png', base64: PNG }),
      signature: { password: 'not-the-password' },
    });
    expect(wrongPassword).toMatchObject({ status: 403, body: { code: 'CSV-02' } });

    const operator = await decide(
      donorCode,
      notRetained({ contentType: 'image/png', base64: PNG }),
      'operator',
    );
    expect(operator.status).toBe(403);
    expect((await standingOf(donorCode)).body.settled).toBe(false);

    const decided = await decide(donorCode, notRetained({ contentType: 'image/png', base64: PNG }));
    expect(decided).toMatchObject({
      status: 201,
      body: { kind: 'product-not-retained', labelPhoto: { sha256: expect.any(String) } },
    });
    expect((await standingOf(donorCode)).body).toEqual({ donorCode, settled: true, items: [] });
    const photo = await api.as<{ contentType: string; sha256: string; base64: string }>(
      'ops',
      'GET',
      `/api/journeys/${donorCode}/retention-exceptions/${decided.body.exceptionId}/label-photo`,
    );
    expect(photo).toMatchObject({
      status: 200,
      body: { contentType: 'image/png', sha256: decided.body.labelPhoto!.sha256, base64: PNG },
    });

    const register = await api.as<{ samples: unknown[]; exceptions: unknown[] }>(
      'ops',
      'GET',
      `/api/journeys/${donorCode}/samples`,
    );
    expect(register.status).toBe(200);
    expect(register.body.samples).toHaveLength(1);
    expect(register.body.exceptions).toHaveLength(1);
  });

  it('QA-01 answers a photo over 2 MiB 413, whether the body or the decoded photo is too large', async () => {
    const { donorCode } = await newOrder();
    const threeMegabytes = Buffer.alloc(3 * 1024 * 1024);
    Buffer.from(PNG, 'base64').copy(threeMegabytes);
    const tooLarge = await decide(
      donorCode,
      notRetained({ contentType: 'image/png', base64: threeMegabytes.toString('base64') }),
    );
    expect(tooLarge.status).toBe(413);
    const justOver = Buffer.alloc(2 * 1024 * 1024 + 1);
    Buffer.from(PNG, 'base64').copy(justOver);
    const decodedTooLarge = await decide(
      donorCode,
      notRetained({ contentType: 'image/png', base64: justOver.toString('base64') }),
    );
    expect(decodedTooLarge.status).toBe(413);
    expect((await standingOf(donorCode)).body.settled).toBe(false);
  });

  it("CSV-03 answers another institution's hospital user and an unknown code the same 404", async () => {
    const { donorCode } = await newOrder();
    const own = await standingOf(donorCode, 'hospital');
    expect(own.status).toBe(200);
    const foreign = await standingOf(donorCode, 'hospital-inst-002');
    const unknown = await standingOf(UNKNOWN, 'hospital-inst-002');
    const shape = (res: { status: number; body: Refusal }, code: string) => ({
      status: res.status,
      body: { ...res.body, message: res.body.message.replace(code, '<code>') },
    });
    expect(shape(foreign, donorCode)).toEqual(shape(unknown, UNKNOWN));
    expect(foreign).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });

  it("QA-01 keeps a key-material lot's retention sample to the lot's expiry as production recorded it", async () => {
    const lotId = SEEDED_KEY_MATERIAL_LOTS.interleukin2;
    const catalogue = await api.as<
      Array<{ lots: Array<{ lotId: string; inspection: { expiresOn: string } }> }>
    >('ops', 'GET', '/api/key-materials');
    const expiresOn = catalogue.body.flatMap((m) => m.lots).find((l) => l.lotId === lotId)!
      .inspection.expiresOn;
    const dayBefore = new Date(Date.parse(`${expiresOn}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    const lotSample = (retentionUntil: string) =>
      api.as<Refusal & { sampleId: string; lotExpiresOn: string }>(
        'qc',
        'POST',
        `/api/key-material-lots/${lotId}/samples`,
        {
          body: {
            purpose: 'retention',
            quantity: 1,
            unit: 'vial',
            container: 'original vial',
            storageLocation: 'retention fridge RF-02',
            storageCondition: '2–8 °C',
            retentionUntil,
            takenAt: new Date(Date.now() - 60_000).toISOString(),
          },
          idempotencyKey: randomUUID(),
        },
      );
    const short = await lotSample(dayBefore);
    expect(short).toMatchObject({ status: 400, body: { code: 'QA-01' } });
    expect(short.body.message).toContain('QA-01.2');
    const kept = await lotSample(expiresOn);
    expect(kept).toMatchObject({ status: 201, body: { lotExpiresOn: expiresOn } });
    const ofLot = await api.as<Array<{ sampleId: string }>>(
      'qa-qp',
      'GET',
      `/api/samples?lot=${lotId}`,
    );
    expect(ofLot.body.map((s) => s.sampleId)).toContain(kept.body.sampleId);
  });
});
