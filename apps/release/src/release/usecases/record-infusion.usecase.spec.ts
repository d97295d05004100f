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

/** The step recorder as the real one uses its guard: run first, nothing recorded if it throws. */
function useCase(shipment: InstructionsForUseShipment | undefined) {
  const recorded: unknown[][] = [];
  const steps = {
    record: async (...args: unknown[]): Promise<StepRecord> => {
      const guard = args[3] as (manager: unknown) => Promise<unknown>;
      await guard({});
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
});
