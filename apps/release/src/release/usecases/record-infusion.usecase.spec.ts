import {
  type DeviationNotice,
  formatDonorCode,
  generateDonorUniqueCode,
  type InstructionsForUseShipment,
  StepRecord,
} from '@v2v/contracts';
import { JourneyStepRecorder, StepInput } from '@v2v/service-kit';
import type { ProductEmergencyRepository } from '../../emergencies/product-emergency.repository';
import type { RaiseBedsideMismatchUseCase } from '../../emergencies/usecases/raise-bedside-mismatch.usecase';
import type { InstructionsForUseRepository } from '../../instructions-for-use/instructions-for-use.repository';
import { RecordInfusionUseCase } from './record-infusion.usecase';

const code = (sequence: number) =>
  formatDonorCode(generateDonorUniqueCode({ facility: 'W1234', year: 2026, sequence }));
const donorCode = code(7);
const occurredAt = '2026-11-30T10:30:00.000Z';

const shipped: InstructionsForUseShipment = {
  shipmentId: 's-1',
  donorCode,
  productCode: 'CART-CD19',
  specificationVersion: 1,
  contentSha256: 'a'.repeat(64),
  instructions: {} as InstructionsForUseShipment['instructions'],
  shippedAt: '2026-11-29T10:00:00.000Z',
  acknowledgement: {
    acknowledgementId: 'a-1',
    shipmentId: 's-1',
    contentSha256: 'a'.repeat(64),
    acknowledgedBy: { userId: 'nurse.li', role: 'hospital' },
    institutionId: 'INST-001',
    acknowledgedAt: '2026-11-30T08:00:00.000Z',
  },
};

/**
 * The step recorder as the real one uses its guard: run first, nothing recorded if it throws.
 * Its manager answers the recall holds' query with `recallHolds` (QA-04).
 */
function useCase(
  shipment: InstructionsForUseShipment | undefined = shipped,
  recallHolds: unknown[] = [],
) {
  const recorded: unknown[][] = [];
  const raised: string[] = [];
  const steps = {
    record: async (...args: unknown[]): Promise<StepRecord> => {
      const guard = args[3] as (manager: unknown) => Promise<unknown>;
      await guard({ query: async () => recallHolds });
      recorded.push(args);
      return { recordId: 'r-1', summary: String((args[2] as { summary: string }).summary) };
    },
  } as unknown as JourneyStepRecorder;
  const emergencies = { list: async () => [] } as unknown as ProductEmergencyRepository;
  const mismatches = {
    execute: async (_: unknown, description: string): Promise<DeviationNotice> => {
      raised.push(description);
      return { deviationId: 'e-1', rule: 'QA-04', detectedAt: occurredAt, description };
    },
  } as unknown as RaiseBedsideMismatchUseCase;
  const instructions = {
    latestShipment: async () => shipment,
  } as unknown as InstructionsForUseRepository;
  return {
    infusion: new RecordInfusionUseCase(steps, emergencies, mismatches, instructions),
    recorded,
    raised,
  };
}

const scan = (clinician: string, labelScan = donorCode, patientReference = 'PAT-001') => ({
  clinician,
  labelScan,
  patientReference,
  scannedAt: '2026-11-30T09:55:00Z',
});

function input(verifications = [scan('nurse-wang'), scan('dr-zhou')], actor = 'nurse-wang') {
  return {
    donorCode,
    eventId: 'ev-1',
    occurredAt,
    actor: { userId: actor, role: 'hospital' },
    order: { patientReference: 'PAT-001' },
    payload: {
      infusedAt: '2026-11-30T10:00:00Z',
      infusionEndedAt: '2026-11-30T10:20:00Z',
      verifications,
      volumeMl: 68,
      dose: { value: 1.1e8, unit: 'CAR+ viable T cells' },
      administeredBy: 'Nurse Wang Fang',
    },
  } as unknown as StepInput<'recordInfusion'>;
}

describe('record infusion use case', () => {
  it('OTH-02 TRC-03 records the infusion with both clinicians’ label verifications', async () => {
    const { infusion, recorded, raised } = useCase();
    await expect(infusion.execute(input())).resolves.toMatchObject({ recordId: 'r-1' });
    expect(recorded).toHaveLength(1);
    expect(recorded[0][0]).toBe('recordInfusion');
    expect(recorded[0][2]).toMatchObject({
      detail: {
        volumeMl: 68,
        administeredBy: 'Nurse Wang Fang',
        labelVerifications: [{ matched: true }, { matched: true }],
      },
    });
    expect(raised).toEqual([]);
  });

  it('QA-04 refuses another patient at the bedside with the emergency it raised, records no infusion', async () => {
    const { infusion, recorded, raised } = useCase();
    const wrong = input([scan('nurse-wang'), scan('dr-zhou', donorCode, 'PAT-002')]);
    await expect(infusion.execute(wrong)).rejects.toMatchObject({
      code: 'IDENTITY_MISMATCH',
      details: { deviations: [expect.objectContaining({ deviationId: 'e-1', rule: 'QA-04' })] },
    });
    expect(raised).toEqual([expect.stringContaining('dr-zhou scanned patient PAT-002')]);
    expect(recorded).toHaveLength(0);
  });

  it("QA-04 refuses another donor's label at the bedside the same way", async () => {
    const { infusion, raised } = useCase();
    await expect(
      infusion.execute(input([scan('nurse-wang', code(8)), scan('dr-zhou')])),
    ).rejects.toMatchObject({ code: 'IDENTITY_MISMATCH' });
    expect(raised).toEqual([expect.stringContaining(`nurse-wang scanned label ${code(8)}`)]);
  });

  it('OTH-02 refuses one clinician twice where the record is written (a forged update)', async () => {
    const { infusion, recorded } = useCase();
    await expect(
      infusion.execute(input([scan('nurse-wang'), scan('nurse-wang')])),
    ).rejects.toMatchObject({ code: 'OTH-02' });
    await expect(
      infusion.execute(input([scan('nurse-wang'), scan('dr-zhou')], 'dr-zhou')),
    ).rejects.toMatchObject({ code: 'OTH-02' });
    expect(recorded).toHaveLength(0);
  });

  it('OTH-01 refuses the infusion before the hospital acknowledged the instructions for use', async () => {
    const { infusion, recorded } = useCase({ ...shipped, acknowledgement: null });
    await expect(infusion.execute(input())).rejects.toMatchObject({
      code: 'OTH-01',
      message: expect.stringContaining('acknowledge them before the infusion (OTH-01)'),
    });
    expect(recorded).toHaveLength(0);
  });

  it('OTH-02 refuses the single-scan payload of earlier records, raising nothing', async () => {
    const { infusion, raised } = useCase();
    const single = {
      ...input(),
      payload: { infusedAt: '2026-11-30T10:00:00Z', bedsideScan: code(8), patientReference: 'X-1' },
    } as unknown as StepInput<'recordInfusion'>;
    await expect(infusion.execute(single)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(raised).toEqual([]);
  });

  it('QA-04 refuses the infusion of a recalled product where it is written, and records nothing', async () => {
    const hold = {
      recallId: '7d0c6a52-3f9e-4b8a-9d61-2c4f8e1b5a70',
      classification: 'I',
      scope: 'key-material-lot',
      subject: 'KML-2026-000042',
      batchNumbers: ['B-1'],
      reason: 'vector lot failed its RCL retest',
      decidedAt: new Date('2026-11-29T12:00:00Z'),
      decidedBy: 'qa-qp',
      decidedByRole: 'qa-qp',
    };
    const { infusion, recorded } = useCase(shipped, [hold]);
    await expect(infusion.execute(input())).rejects.toMatchObject({
      code: 'QA-04',
      message: expect.stringContaining(`recall ${hold.recallId} (class I`),
    });
    expect(recorded).toHaveLength(0);
  });
});
