import { Injectable } from '@nestjs/common';
import { StepRecord } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';

/** The collection booking; it also opens a new collection cycle (a recollection). */
@Injectable()
export class ScheduleCollectionUseCase implements StepUseCase<'scheduleCollection'> {
  constructor(private readonly steps: JourneyStepRecorder) {}

  execute(input: StepInput<'scheduleCollection'>): Promise<StepRecord> {
    return this.steps.record('scheduleCollection', input, {
      summary: `collection scheduled for ${input.payload.collectionDate}`,
      detail: input.payload,
    });
  }
}
