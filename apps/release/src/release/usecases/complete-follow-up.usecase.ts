import { Injectable } from '@nestjs/common';
import { StepRecord } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';

/** The end of the patient's follow-up, which closes the journey. */
@Injectable()
export class CompleteFollowUpUseCase implements StepUseCase<'completeFollowUp'> {
  constructor(private readonly steps: JourneyStepRecorder) {}

  execute(input: StepInput<'completeFollowUp'>): Promise<StepRecord> {
    return this.steps.record('completeFollowUp', input, {
      summary: 'follow-up completed',
      detail: input.payload,
    });
  }
}
