import { Injectable } from '@nestjs/common';
import { StepRecord, verifyLabelScan } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';
import { InstitutionStandingCheck } from '../../institutions/institution-standing';
import { DonorMaterialTestRepository } from '../../material-tests/donor-material-test.repository';
import { keepTestPlan } from '../../material-tests/keep-test-plan';
import { positiveFlag } from '../known-positive.rules';
import { MaterialRecordRepository } from '../material-record.repository';
import { inspectReceipt } from '../receipt-inspection.rules';
import { assertSegregatedStorage } from '../storage-segregation.rules';

/**
 * Receipt at the factory: the label scan (TRC-03), segregated storage (FAC-03) and the receipt
 * inspection (DON-04), which quarantines a unit that fails an item instead of refusing it;
 * the donor material's tests of the pinned specification are kept for its results (QA-02.5).
 */
@Injectable()
export class RecordMaterialReceiptUseCase implements StepUseCase<'recordMaterialReceipt'> {
  constructor(
    private readonly steps: JourneyStepRecorder,
    private readonly materialRecords: MaterialRecordRepository,
    private readonly standing: InstitutionStandingCheck,
    private readonly materialTests: DonorMaterialTestRepository,
  ) {}

  async execute(input: StepInput<'recordMaterialReceipt'>): Promise<StepRecord> {
    const labelVerification = verifyLabelScan(input.donorCode, input.payload.labelScan);
    const records = this.materialRecords.forDonor(input.donorCode);
    const unit = assertSegregatedStorage(
      await records.storageUnit(input.payload.storageUnitId),
      input.payload.storageUnitId,
      input.knownPositiveMarkers,
    );
    const handOver = await records.latest<{ handedOverAt: string }>('transport-hand-over');
    const screening = await records.latest<{ results: Array<{ marker: string }> }>(
      'donor-screening',
      { anyCycle: true },
    );
    const inspection = inspectReceipt({
      specification: input.specification,
      institution: await this.standing.on(input.order.institutionId, input.occurredAt.slice(0, 10)),
      collection: await records.latest('collection'),
      postCollectionStorage: await records.latest('post-collection-storage'),
      handOver,
      transportReadings: handOver
        ? await records.readings('transport-to-factory', handOver.handedOverAt)
        : [],
      transportDeviations: handOver
        ? await records.legDeviations('transport-to-factory', handOver.recordedAt)
        : [],
      screening: screening && { markers: screening.results.map((r) => r.marker) },
      receipt: input.payload,
    });
    const failed = inspection.items.filter((i) => !i.passed);
    const flag = positiveFlag(input.knownPositiveMarkers);
    const summary = failed.length
      ? `received, label verified; receipt inspection failed ${failed.map((i) => `${i.item} (${i.reason})`).join(', ')}; unit quarantined in ${unit.id}`
      : `received, label verified, receipt inspection passed; stored in ${unit.id}${flag ? `; ${flag}` : ''}`;
    return this.steps.record(
      'recordMaterialReceipt',
      input,
      {
        summary,
        detail: {
          ...input.payload,
          labelVerification,
          inspection: inspection.items,
          outcome: inspection.outcome,
          storageUnit: unit,
          knownPositiveMarkers: input.knownPositiveMarkers,
        },
      },
      // QA-02.5: the material's own tests start at the factory; their results need the plan.
      (manager) => keepTestPlan(this.materialTests, manager, input),
    );
  }
}
