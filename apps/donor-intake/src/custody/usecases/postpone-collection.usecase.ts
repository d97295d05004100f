import { Injectable } from '@nestjs/common';
import { StepRecord } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';

/**
 * A collection moved to another day (the patient unfit on the day, a postponement), with its
 * reason; the journey rebooks the manufacturing slot around it.
 */
@Injectable()
export class PostponeCollectionUseCase implements StepUseCase<'postponeCollection'> {
  constructor(private readonly steps: JourneyStepRecorder) {}

  execute(input: StepInput<'postponeCollection'>): Promise<StepRecord> {
    return this.steps.record('postponeCollection', input, {
      summary: `collection postponed to ${input.payload.collectionDate}: ${input.payload.reason}`,
      detail: input.payload,
    });
  }
}
