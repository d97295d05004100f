import { formatDonorCode, generateDonorUniqueCode, StepRecord } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput } from '@v2v/service-kit';
import type { ProductEmergencyRepository } from '../../emergencies/product-emergency.repository';
import { RecordInfusionUseCase } from './record-infusion.usecase';

const donorCode = formatDonorCode(
  generateDonorUniqueCode({ facility: 'W1234', year: 2026, sequence: 7 }),
);

function useCase() {
  const recorded: unknown[][] = [];
  const steps = {
    record: async (...args: unknown[]): Promise<StepRecord> => {
      recorded.push(args);
      return { recordId: 'r-1', summary: String((args[2] as { summary: string }).summary) };
    },
  } as unknown as JourneyStepRecorder;
  const emergencies = { list: async () => [] } as unknown as ProductEmergencyRepository;
  return { infusion: new RecordInfusionUseCase(steps, emergencies), recorded };
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
    const { infusion, recorded } = useCase();
    await expect(infusion.execute(input('PAT-001'))).resolves.toMatchObject({ recordId: 'r-1' });
    expect(recorded).toHaveLength(1);
    expect(recorded[0][0]).toBe('recordInfusion');
    expect(recorded[0][2]).toMatchObject({
      summary: 'infused after bedside identity check',
      detail: { labelVerification: { matched: true } },
    });
  });

  it('refuses another patient at the bedside (IDENTITY_MISMATCH) and records nothing', async () => {
    const { infusion, recorded } = useCase();
    await expect(infusion.execute(input('PAT-002'))).rejects.toMatchObject({
      code: 'IDENTITY_MISMATCH',
    });
    expect(recorded).toHaveLength(0);
  });
});
