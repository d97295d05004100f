import { Injectable } from '@nestjs/common';
import { StepRecord } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';
import { SignatureRecorder } from '@v2v/signatures';

/** The qualified person's signed rejection of the batch, which ends the journey. */
@Injectable()
export class RejectBatchUseCase implements StepUseCase<'rejectBatch'> {
  constructor(
    private readonly steps: JourneyStepRecorder,
    private readonly signatures: SignatureRecorder,
  ) {}

  execute(input: StepInput<'rejectBatch'>): Promise<StepRecord> {
    return this.steps.record(
      'rejectBatch',
      input,
      { summary: `batch rejected: ${input.payload.reason}`, detail: input.payload },
      (manager) => this.signatures.recordForStep(manager, 'rejectBatch', input),
    );
  }
}
