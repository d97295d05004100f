import {
  formatDonorCode,
  generateDonorUniqueCode,
  type InstructionsForUseShipment,
  StepRecord,
} from '@v2v/contracts';
import { JourneyStepRecorder, StepInput } from '@v2v/service-kit';
import type { ProductEmergencyRepository } from '../../emergencies/product-emergency.repository';
import { InstructionsForUseRepository } from '../../instructions-for-use/instructions-for-use.repository';
import { RecordInfusionUseCase } from './record-infusion.usecase';

const donorCode = formatDonorCode(
  generateDonorUniqueCode({ facility: 'W1234', year: 2026, sequence: 7 }),
);

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
function useCase(shipment: InstructionsForUseShipment | undefined, recallHolds: unknown[] = []) {
  const recorded: unknown[][] = [];
  const steps = {
    record: async (...args: unknown[]): Promise<StepRecord> => {
      const guard = args[3] as (manager: unknown) => Promise<unknown>;
      await guard({ query: async () => recallHolds });
      recorded.push(args);
      return { recordId: 'r-1', summary: String((args[2] as { summary: string }).summary) };
    },
  } as unknown as JourneyStepRecorder;
  const emergencies = { list: async () => [] } as unknown as ProductEmergencyRepository;
  const instructions = {
    latestShipment: async () => shipment,
  } as unknown as InstructionsForUseRepository;
  return { infusion: new RecordInfusionUseCase(steps, emergencies, instructions), recorded };
}

function input(patientReference: string, bedsideScan = donorCode) {
  return {
    donorCode,
    order: { patientReference: 'PAT-001' },
    payload: { infusedAt: '2026-11-30T10:00:00Z', bedsideScan, patientReference },
  } as unknown as StepInput<'recordInfusion'>;
}

describe('record infusion use case', () => {
  it('records the infusion as its step after the bedside identity check', async () => {
    const { infusion, recorded } = useCase(shipped);
    await expect(infusion.execute(input('PAT-001'))).resolves.toMatchObject({ recordId: 'r-1' });
    expect(recorded).toHaveLength(1);
    expect(recorded[0][0]).toBe('recordInfusion');
    expect(recorded[0][2]).toMatchObject({
      summary: 'infused after bedside identity check',
      detail: { labelVerification: { matched: true } },
    });
  });

  it('refuses another patient at the bedside (IDENTITY_MISMATCH) and records nothing', async () => {
    const { infusion, recorded } = useCase(shipped);
    await expect(infusion.execute(input('PAT-002'))).rejects.toMatchObject({
      code: 'IDENTITY_MISMATCH',
    });
    expect(recorded).toHaveLength(0);
  });

  it('OTH-01 refuses the infusion before the hospital acknowledged the instructions for use', async () => {
    const { infusion, recorded } = useCase({ ...shipped, acknowledgement: null });
    await expect(infusion.execute(input('PAT-001'))).rejects.toMatchObject({
      code: 'OTH-01',
      message: expect.stringContaining('acknowledge them before the infusion (OTH-01)'),
    });
    expect(recorded).toHaveLength(0);
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
    await expect(infusion.execute(input('PAT-001'))).rejects.toMatchObject({
      code: 'QA-04',
      message: expect.stringContaining(`recall ${hold.recallId} (class I`),
    });
    expect(recorded).toHaveLength(0);
  });
});
