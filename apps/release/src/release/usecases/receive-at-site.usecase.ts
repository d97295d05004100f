import { Injectable } from '@nestjs/common';
import { StepRecord, verifyLabelScan } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';

/** Receipt at the treatment site on the verified product label (TRC-03); closes the leg. */
@Injectable()
export class ReceiveAtSiteUseCase implements StepUseCase<'receiveAtSite'> {
  constructor(private readonly steps: JourneyStepRecorder) {}

  async execute(input: StepInput<'receiveAtSite'>): Promise<StepRecord> {
    const labelVerification = verifyLabelScan(input.donorCode, input.payload.labelScan);
    return this.steps.record('receiveAtSite', input, {
      summary: 'received at the treatment site, label verified',
      detail: { ...input.payload, labelVerification },
    });
  }
}
