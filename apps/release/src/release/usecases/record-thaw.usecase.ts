import { Injectable } from '@nestjs/common';
import { requireThawWithinInstructions, StepRecord } from '@v2v/contracts';
import { JourneyStepRecorder, requireValidPayload, StepInput, StepUseCase } from '@v2v/service-kit';
import { requireNoOpenEmergency, requireNotDisposedOf } from '../../emergencies/emergency-rules';
import { ProductEmergencyRepository } from '../../emergencies/product-emergency.repository';
import { recallHoldsOf } from '../../recalls/recall-hold.repository';
import { requireNotRecalled } from '../../recalls/recall-hold-rules';

/**
 * The thaw at the site (OTH-01, §12(1)): within the time the instructions for use of the
 * journey's pinned specification allow, at the bath temperature and by the method recorded. The
 * journey ends the site storage leg at its start and times the way to the infusion from its end
 * (GEN-01). QA-04: a recalled product, or one on hold by an open emergency (a damaged bag found
 * at the receipt), is not thawed for use.
 */
@Injectable()
export class RecordThawUseCase implements StepUseCase<'recordThaw'> {
  constructor(
    private readonly steps: JourneyStepRecorder,
    private readonly emergencies: ProductEmergencyRepository,
  ) {}

  async execute(input: StepInput<'recordThaw'>): Promise<StepRecord> {
    const { payload, specification } = input;
    // A malformed payload is named as such before its duration is judged.
    requireValidPayload('recordThaw', payload, Date.parse(input.occurredAt));
    requireThawWithinInstructions(payload, specification.instructionsForUse);
    const minutes =
      (Date.parse(payload.thawCompletedAt) - Date.parse(payload.thawStartedAt)) / 60_000;
    return this.steps.record(
      'recordThaw',
      input,
      {
        summary: `thawed in ${Math.round(minutes * 10) / 10} min at ${payload.bathTemperatureC} °C by the instructions for use`,
        detail: {
          ...payload,
          instructionsForUse: {
            productCode: specification.productCode,
            specificationVersion: specification.version,
            maxThawMinutes: specification.instructionsForUse!.thawing.maxMinutes,
          },
        },
      },
      async (manager) => {
        const emergencies = await this.emergencies.list(input.donorCode, manager);
        requireNoOpenEmergency(input.donorCode, emergencies);
        requireNotDisposedOf(input.donorCode, emergencies);
        requireNotRecalled('recordThaw', await recallHoldsOf(manager, input.donorCode));
      },
    );
  }
}
