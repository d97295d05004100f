import { Injectable } from '@nestjs/common';
import { StepRecord } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';
import { SignatureRecorder } from '@v2v/signatures';
import { QcStandingUseCase } from '../../qc/usecases/qc-standing.usecase';
import { assertBatchReleasable } from '../release-rules';

/** The qualified person's signed release, only of a batch whose QC gate is settled (QA-02.1). */
@Injectable()
export class ReleaseBatchUseCase implements StepUseCase<'releaseBatch'> {
  constructor(
    private readonly steps: JourneyStepRecorder,
    private readonly qc: QcStandingUseCase,
    private readonly signatures: SignatureRecorder,
  ) {}

  execute(input: StepInput<'releaseBatch'>): Promise<StepRecord> {
    return this.steps.record(
      'releaseBatch',
      input,
      {
        summary: `batch released, signed by qualified person ${input.actor.userId}`,
        detail: input.payload,
      },
      async (manager) => {
        await this.signatures.recordForStep(manager, 'releaseBatch', input);
        assertBatchReleasable((await this.qc.qcGate(input.donorCode, manager)).gate);
      },
    );
  }
}
