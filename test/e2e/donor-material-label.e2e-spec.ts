import { randomUUID } from 'node:crypto';
import { PNG } from 'pngjs';
import {
  formatDonorCode,
  formatDonorCodeEyeReadable,
  generateDonorUniqueCode,
  parseDonorCode,
  StepRequestBody,
} from '@v2v/contracts';
import { SERVICE_PORTS } from '@v2v/service-kit';
import {
  GatewayClient,
  happyPathSteps,
  negativeScreening,
  rejectionAndRecollectionSteps,
  ScriptedStep,
  scriptedStep,
  stepsBefore,
} from '@v2v/testing';
import { decodeDataMatrix, labelFile, pdfText } from './support/labels';

const api = new GatewayClient(`http://127.0.0.1:${SERVICE_PORTS.gateway}`);
const label = (user: string, donorCode: string, format: 'pdf' | 'png') =>
  labelFile(api, user, `/api/journeys/${donorCode}/label.${format}`);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function newOrder() {
  const patientReference = `PAT-${randomUUID().slice(0, 8)}`;
  const res = await api.as<{ donorCode: string }>('scheduler', 'POST', '/api/orders', {
    body: {
      patientReference,
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
      requestedCollectionDate: '2026-12-01',
    },
  });
  expect(res.status).toBe(201);
  return { donorCode: res.body.donorCode, patientReference };
}

const eyeReadable = (donorCode: string) => formatDonorCodeEyeReadable(parseDonorCode(donorCode));

/** A scripted collection's date and time as the label prints it. */
function printedAt(collection: ScriptedStep): string {
  const utc = new Date(
    (collection.payload as StepRequestBody<'recordCollection'>).collectedAt,
  ).toISOString();
  return `${utc.slice(0, 10)} ${utc.slice(11, 16)} UTC`;
}

function positiveScreening(marker: 'HBV'): StepRequestBody<'recordDonorScreening'> {
  const screening = negativeScreening(new Date());
  return {
    ...screening,
    results: screening.results.map((r) =>
      r.marker === marker ? { ...r, result: 'positive' as const } : r,
    ),
  };
}

describe('donor material label', () => {
  it("TRC-03 DON-04.4 prints the collected unit's label, and its Data Matrix scanned at receipt verifies the donor code", async () => {
    const order = await newOrder();
    const steps = happyPathSteps(order);
    for (const scripted of stepsBefore(steps, 'recordPostCollectionStorage'))
      expect((await api.run(order.donorCode, scripted)).status).toBe(200);

    const pdf = await label('operator', order.donorCode, 'pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf.body);
    for (const printed of [
      eyeReadable(order.donorCode),
      'CART-CD19',
      'INST-001',
      printedAt(scriptedStep(steps, 'recordCollection')),
      '180 mL',
      'BAG-2026-0042',
      'Nurse Li Na',
    ]) {
      expect(text).toContain(printed);
    }
    expect(text).not.toContain('BIOHAZARD');

    const png = await label('hospital', order.donorCode, 'png');
    expect(png.status).toBe(200);
    expect(png.type).toBe('image/png');
    expect(png.body.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const { width, height } = PNG.sync.read(png.body);
    // The symbol is at least 16 × 16 modules of 8 pixels; the eye-readable line makes it wider than
    // tall.
    expect(height).toBeGreaterThanOrEqual(128);
    expect(width).toBeGreaterThan(height);
    expect(width).toBeLessThan(2000);
    const scanned = decodeDataMatrix(png.body);
    expect(scanned).toBe(order.donorCode);

    for (const scripted of stepsBefore(steps, 'recordMaterialReceipt').slice(3))
      expect((await api.run(order.donorCode, scripted)).status).toBe(200);
    const receipt = scriptedStep(steps, 'recordMaterialReceipt');
    const received = await api.run<{ stage: string }>(order.donorCode, {
      ...receipt,
      payload: { ...(receipt.payload as object), labelScan: scanned },
    } as typeof receipt);
    expect(received).toMatchObject({ status: 200, body: { stage: 'received' } });
  });

  it('DON-05 flags a known-positive unit on the PDF label and on the PNG, whose barcode still reads the donor code', async () => {
    const order = await newOrder();
    const steps = happyPathSteps(order);
    expect(
      (
        await api.step(
          'hospital',
          order.donorCode,
          'recordDonorScreening',
          positiveScreening('HBV'),
        )
      ).status,
    ).toBe(200);
    for (const scripted of stepsBefore(steps, 'recordPostCollectionStorage').slice(1))
      expect((await api.run(order.donorCode, scripted)).status).toBe(200);

    const pdf = await label('qa-qp', order.donorCode, 'pdf');
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.body);
    expect(text).toContain('BIOHAZARD');
    expect(text).toContain('KNOWN POSITIVE: HBV (DON-05)');
    const png = await label('ops', order.donorCode, 'png');
    expect(png.status).toBe(200);
    expect(decodeDataMatrix(png.body)).toBe(order.donorCode);
  });

  it("refuses the label with 409 LABEL_NOT_AVAILABLE until the current cycle's unit is collected, then labels the recollected unit", async () => {
    const order = await newOrder();
    const steps = rejectionAndRecollectionSteps(order);
    for (const scripted of stepsBefore(steps, 'recordCollection'))
      expect((await api.run(order.donorCode, scripted)).status).toBe(200);
    for (const format of ['pdf', 'png'] as const) {
      const refused = await label('hospital', order.donorCode, format);
      expect(refused.status).toBe(409);
      expect(refused.json()).toMatchObject({
        code: 'LABEL_NOT_AVAILABLE',
        message: expect.stringContaining('collection record of the current collection cycle'),
      });
    }

    // The first unit is quarantined and rejected; the recollection booking opens a new cycle.
    const rebooked = steps.findIndex((s, i) => i > 0 && s.step === 'scheduleCollection');
    for (const scripted of steps.slice(2, rebooked + 1))
      expect((await api.run(order.donorCode, scripted)).status).toBe(200);
    expect((await label('operator', order.donorCode, 'pdf')).json().code).toBe(
      'LABEL_NOT_AVAILABLE',
    );

    const [first, recollection] = steps.filter((s) => s.step === 'recordCollection');
    expect((await api.run(order.donorCode, recollection)).status).toBe(200);
    const text = pdfText((await label('operator', order.donorCode, 'pdf')).body);
    expect(text).toContain(printedAt(recollection));
    expect(text).not.toContain(printedAt(first));
  });

  it("CSV-03 answers another institution's hospital as for an unknown code, and refuses roles the label is not for", async () => {
    const order = await newOrder(); // at INST-001
    expect((await label('hospital', order.donorCode, 'pdf')).status).toBe(409);
    const foreign = await label('hospital-inst-002', order.donorCode, 'pdf');
    expect(foreign.status).toBe(404);
    expect(foreign.json().code).toBe('NOT_FOUND');
    for (const role of ['qc', 'scheduler', 'data-logger']) {
      const refused = await label(role, order.donorCode, 'png');
      expect(refused.status).toBe(403);
      expect(refused.json().code).toBe('FORBIDDEN_ROLE');
    }
  });

  it('TRC-02 answers 400 for a malformed donor code and 404 for a well-formed unknown one', async () => {
    const malformed = await label('ops', 'A99991500000100X', 'pdf');
    expect(malformed.status).toBe(400);
    expect(malformed.json().code).toBe('TRC-02');
    const unknown = await label(
      'ops',
      formatDonorCode(generateDonorUniqueCode({ facility: 'Z9999', year: 0, sequence: 999_999 })),
      'png',
    );
    expect(unknown.status).toBe(404);
    expect(unknown.json().code).toBe('NOT_FOUND');
  });
});
