import { Injectable } from '@nestjs/common';
import { StepRecord } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';

/** Where and how the collected unit waits for its courier. */
@Injectable()
export class RecordPostCollectionStorageUseCase implements StepUseCase<'recordPostCollectionStorage'> {
  constructor(private readonly steps: JourneyStepRecorder) {}

  execute(input: StepInput<'recordPostCollectionStorage'>): Promise<StepRecord> {
    const { payload } = input;
    return this.steps.record('recordPostCollectionStorage', input, {
      summary: `stored at ${payload.location}, ${payload.minTemperatureC}–${payload.maxTemperatureC} °C until ${payload.storedUntil}`,
      detail: { ...payload, knownPositiveMarkers: input.knownPositiveMarkers },
    });
  }
}
