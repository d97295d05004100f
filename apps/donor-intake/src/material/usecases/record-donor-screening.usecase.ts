import { Injectable } from '@nestjs/common';
import { StepRecord } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';
import { evaluateDonorScreening } from '../donor-screening.rules';
import { positiveFlag } from '../known-positive.rules';

/** DON-01: the donor's screening against the product's standards; DON-05 flags positives. */
@Injectable()
export class RecordDonorScreeningUseCase implements StepUseCase<'recordDonorScreening'> {
  constructor(private readonly steps: JourneyStepRecorder) {}

  async execute(input: StepInput<'recordDonorScreening'>): Promise<StepRecord> {
    const { knownPositiveMarkers } = evaluateDonorScreening(
      input.specification.donorScreening,
      input.payload,
      input.occurredAt,
    );
    const flag = positiveFlag(knownPositiveMarkers);
    return this.steps.record('recordDonorScreening', input, {
      summary: flag
        ? `screening meets the product's standards; ${flag}`
        : "screening meets the product's standards; all markers negative",
      detail: {
        ...input.payload,
        knownPositiveMarkers,
        specificationVersion: input.specification.version,
      },
    });
  }
}
