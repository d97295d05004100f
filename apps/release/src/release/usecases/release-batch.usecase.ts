import { Injectable } from '@nestjs/common';
import { StepRecord } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';
import { SignatureRecorder } from '@v2v/signatures';
import { QcStandingUseCase } from '../../qc/usecases/qc-standing.usecase';
import { recallHoldsOf } from '../../recalls/recall-hold.repository';
import { requireNotRecalled } from '../../recalls/recall-hold-rules';
import { assertBatchReleasable } from '../release-rules';
import { coveredHashOf, requireReleaseGatesSettled } from '../release-standing-rules';

/**
 * The qualified person's signed release (QA-02), only over the release gates the journey found
 * settled just before, recorded with them and the hash of what they cover (CSV-02: a later
 * change of that content voids the release), and only of a batch whose QC gate is settled
 * (QA-02.1, checked again here); a conditional release names the results to follow. A product
 * a recall reached is not released (QA-04), whatever the journey's workflow let through.
 */
@Injectable()
export class ReleaseBatchUseCase implements StepUseCase<'releaseBatch'> {
  constructor(
    private readonly steps: JourneyStepRecorder,
    private readonly qc: QcStandingUseCase,
    private readonly signatures: SignatureRecorder,
  ) {}

  execute(input: StepInput<'releaseBatch'>): Promise<StepRecord> {
    const standing = input.releaseGates;
    const toFollow = standing?.resultsToFollow.map((r) => r.testCode) ?? [];
    const conditional = toFollow.length ? `, conditional on ${toFollow.join(', ')} to follow` : '';
    return this.steps.record(
      'releaseBatch',
      input,
      {
        summary: `batch ${standing?.batchNumber} released${conditional}, signed by qualified person ${input.actor.userId}`,
        detail: {
          ...input.payload,
          ...(standing
            ? { releaseGates: { ...standing, coveredHash: coveredHashOf(standing) } }
            : {}),
        },
      },
      async (manager) => {
        requireNotRecalled('releaseBatch', await recallHoldsOf(manager, input.donorCode));
        requireReleaseGatesSettled(standing);
        await this.signatures.recordForStep(manager, 'releaseBatch', input);
        assertBatchReleasable((await this.qc.qcGate(input.donorCode, manager)).gate);
      },
    );
  }
}
