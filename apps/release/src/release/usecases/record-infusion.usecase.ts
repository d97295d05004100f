import { Injectable } from '@nestjs/common';
import { StepRecord, verifyLabelScan } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';
import { requireInstructionsAcknowledged } from '../../instructions-for-use/instructions-for-use-rules';
import { InstructionsForUseRepository } from '../../instructions-for-use/instructions-for-use.repository';
import { assertSamePatient } from '../release-rules';

/**
 * The infusion after the bedside check: the product's label and the patient's identity; OTH-01:
 * only once the hospital acknowledged the instructions for use that travelled with it.
 */
@Injectable()
export class RecordInfusionUseCase implements StepUseCase<'recordInfusion'> {
  constructor(
    private readonly steps: JourneyStepRecorder,
    private readonly instructions: InstructionsForUseRepository,
  ) {}

  async execute(input: StepInput<'recordInfusion'>): Promise<StepRecord> {
    const labelVerification = verifyLabelScan(input.donorCode, input.payload.bedsideScan);
    assertSamePatient(input.order.patientReference, input.payload.patientReference);
    return this.steps.record(
      'recordInfusion',
      input,
      {
        summary: 'infused after bedside identity check',
        detail: { ...input.payload, labelVerification },
      },
      async (manager) =>
        requireInstructionsAcknowledged(
          input.donorCode,
          await this.instructions.latestShipment(input.donorCode, manager),
        ),
    );
  }
}
