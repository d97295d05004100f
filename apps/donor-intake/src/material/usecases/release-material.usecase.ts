import { Injectable } from '@nestjs/common';
import { StepRecord } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';
import { SignatureRecorder } from '@v2v/signatures';
import { InstitutionStandingCheck } from '../../institutions/institution-standing';
import { DonorMaterialTestRepository } from '../../material-tests/donor-material-test.repository';
import {
  donorMaterialTestStandings,
  materialTestReleaseFailures,
  testsPendingAtRelease,
} from '../../material-tests/donor-material-test-rules';
import { keepTestPlan } from '../../material-tests/keep-test-plan';
import { positiveFlag } from '../known-positive.rules';
import { MaterialRecordRepository } from '../material-record.repository';
import { assertMaterialReleasable } from '../material-release.rules';
import { InspectionItem } from '../receipt-inspection.rules';

/**
 * DON-06: QA's signed release of the donor material to production. Where the specification
 * defines the material's own tests, the tests still pending (those that may follow the
 * release) are kept with the release: the "used before its tests completed" fact (QA-02.5).
 */
@Injectable()
export class ReleaseMaterialUseCase implements StepUseCase<'releaseMaterial'> {
  constructor(
    private readonly steps: JourneyStepRecorder,
    private readonly materialRecords: MaterialRecordRepository,
    private readonly standing: InstitutionStandingCheck,
    private readonly signatures: SignatureRecorder,
    private readonly materialTests: DonorMaterialTestRepository,
  ) {}

  async execute(input: StepInput<'releaseMaterial'>): Promise<StepRecord> {
    const records = this.materialRecords.forDonor(input.donorCode);
    const receipt = await records.latest<{ outcome: string; inspection: InspectionItem[] }>(
      'receipt',
    );
    const collection = await records.latest<{ collectedAt: string }>('collection');
    const tests = input.specification.donorMaterialTests;
    const standings =
      tests && donorMaterialTestStandings(tests, await this.materialTests.results(input.donorCode));
    assertMaterialReleasable({
      specification: input.specification,
      institutionRefusal: (
        await this.standing.on(input.order.institutionId, input.occurredAt.slice(0, 10))
      ).refusal,
      receipt: receipt && { outcome: receipt.outcome, items: receipt.inspection },
      collectedAt: collection?.collectedAt,
      releasedAt: input.occurredAt,
      openDeviations: await records.openDeviations(),
      materialTestFailures: standings && materialTestReleaseFailures(standings),
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
      async (manager) => {
        await this.signatures.recordForStep(manager, 'releaseMaterial', input);
        if (!standings || !(await keepTestPlan(this.materialTests, manager, input))) return;
        await this.materialTests.insertReleaseTests(manager, {
          eventId: input.eventId,
          donorCode: input.donorCode,
          pendingTests: testsPendingAtRelease(standings),
        });
      },
    );
  }
}
