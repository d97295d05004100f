import { Injectable } from '@nestjs/common';
import { StepRecord, verifyLabelScan } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';
import { recallHoldsOf } from '../../recalls/recall-hold.repository';
import { requireNotRecalled } from '../../recalls/recall-hold-rules';

/**
 * Receipt at the treatment site on the verified product label (TRC-03); closes the leg. QA-04:
 * a recalled product is not received into use.
 */
@Injectable()
export class ReceiveAtSiteUseCase implements StepUseCase<'receiveAtSite'> {
  constructor(private readonly steps: JourneyStepRecorder) {}

  async execute(input: StepInput<'receiveAtSite'>): Promise<StepRecord> {
    const labelVerification = verifyLabelScan(input.donorCode, input.payload.labelScan);
    return this.steps.record(
      'receiveAtSite',
      input,
      {
        summary: 'received at the treatment site, label verified',
        detail: { ...input.payload, labelVerification },
      },
      async (manager) =>
        requireNotRecalled('receiveAtSite', await recallHoldsOf(manager, input.donorCode)),
    );
  }
}
