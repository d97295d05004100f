import { Injectable } from '@nestjs/common';
import { StepRecord } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';
import { SignatureRecorder } from '@v2v/signatures';
import { positiveFlag } from '../known-positive.rules';

/** MAT-04: QA's signed rejection of the donor material, with its disposition. */
@Injectable()
export class RejectMaterialUseCase implements StepUseCase<'rejectMaterial'> {
  constructor(
    private readonly steps: JourneyStepRecorder,
    private readonly signatures: SignatureRecorder,
  ) {}

  execute(input: StepInput<'rejectMaterial'>): Promise<StepRecord> {
    const flag = positiveFlag(input.knownPositiveMarkers);
    return this.steps.record(
      'rejectMaterial',
      input,
      {
        summary: `donor material rejected, disposition ${input.payload.disposition} (MAT-04): ${input.payload.reason}${flag ? `; ${flag}` : ''}`,
        detail: input.payload,
      },
      (manager) => this.signatures.recordForStep(manager, 'rejectMaterial', input),
    );
  }
}
