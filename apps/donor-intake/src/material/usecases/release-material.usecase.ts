import { Injectable } from '@nestjs/common';
import { StepRecord } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';
import { SignatureRecorder } from '@v2v/signatures';
import { InstitutionStandingCheck } from '../../institutions/institution-standing';
import { positiveFlag } from '../known-positive.rules';
import { MaterialRecordRepository } from '../material-record.repository';
import { assertMaterialReleasable } from '../material-release.rules';
import { InspectionItem } from '../receipt-inspection.rules';

/** DON-06: QA's signed release of the donor material to production. */
@Injectable()
export class ReleaseMaterialUseCase implements StepUseCase<'releaseMaterial'> {
  constructor(
    private readonly steps: JourneyStepRecorder,
    private readonly materialRecords: MaterialRecordRepository,
    private readonly standing: InstitutionStandingCheck,
    private readonly signatures: SignatureRecorder,
  ) {}

  async execute(input: StepInput<'releaseMaterial'>): Promise<StepRecord> {
    const records = this.materialRecords.forDonor(input.donorCode);
    const receipt = await records.latest<{ outcome: string; inspection: InspectionItem[] }>(
      'receipt',
    );
    const collection = await records.latest<{ collectedAt: string }>('collection');
    assertMaterialReleasable({
      specification: input.specification,
      institutionRefusal: (
        await this.standing.on(input.order.institutionId, input.occurredAt.slice(0, 10))
      ).refusal,
      receipt: receipt && { outcome: receipt.outcome, items: receipt.inspection },
      collectedAt: collection?.collectedAt,
      releasedAt: input.occurredAt,
      openDeviations: await records.openDeviations(),
    });
    // A signed decision's record is exactly what was signed (CSV-02); the flag goes in the summary.
    const flag = positiveFlag(input.knownPositiveMarkers);
    return this.steps.record(
      'releaseMaterial',
      input,
      {
        summary: `donor material evaluated and released to production (DON-06), signed by ${input.actor.userId}${flag ? `; ${flag}` : ''}`,
        detail: input.payload,
      },
      (manager) => this.signatures.recordForStep(manager, 'releaseMaterial', input),
    );
  }
}
