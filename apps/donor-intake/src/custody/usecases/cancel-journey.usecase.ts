import { Injectable } from '@nestjs/common';
import { StepRecord } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';

/** The journey's cancellation and its reason. */
@Injectable()
export class CancelJourneyUseCase implements StepUseCase<'cancelJourney'> {
  constructor(private readonly steps: JourneyStepRecorder) {}

  execute(input: StepInput<'cancelJourney'>): Promise<StepRecord> {
    return this.steps.record('cancelJourney', input, {
      summary: `journey cancelled: ${input.payload.reason}`,
      detail: input.payload,
    });
  }
}
