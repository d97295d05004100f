import { Injectable } from '@nestjs/common';
import { StepRecord } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';
import { SignatureRecorder } from '@v2v/signatures';
import { BatchRepository } from '../batch.repository';
import { requireRejectedLatestBatch, requireUnusedRetainedPortion } from '../remanufacture-rules';
import { RetainedDonorMaterial } from '../retained-donor-material';

/**
 * QA's signed approval to re-make a rejected batch from the donor material set aside at a
 * production start (refused `NO_RETAINED_MATERIAL` without an unused portion). The donor's
 * batches are locked first, so two decisions on one journey are taken one after the other; the
 * use of the portion is recorded once (its key refuses a second use, also by a race), with the
 * signature (CSV-02, PER-03), the audit entries and the custody event, in one transaction. The
 * journey then starts production again: a new batch of the same donor code.
 */
@Injectable()
export class RemanufactureBatchUseCase implements StepUseCase<'remanufactureBatch'> {
  constructor(
    private readonly steps: JourneyStepRecorder,
    private readonly batches: BatchRepository,
    private readonly retained: RetainedDonorMaterial,
    private readonly signatures: SignatureRecorder,
  ) {}

  execute(input: StepInput<'remanufactureBatch'>): Promise<StepRecord> {
    return this.steps.record(
      'remanufactureBatch',
      input,
      {
        summary: `re-manufacture from retained donor material approved: ${input.payload.reason}`,
        // The signed content: exactly the decision, so the signature can be checked later.
        detail: input.payload,
      },
      async (manager) => {
        const { donorCode } = input;
        const rejected = requireRejectedLatestBatch(
          donorCode,
          await this.batches.ofDonorForUpdate(manager, donorCode),
        );
        const portion = requireUnusedRetainedPortion(
          donorCode,
          await this.retained.ofDonor(manager, donorCode),
        );
        await this.signatures.recordForStep(manager, 'remanufactureBatch', input);
        await this.retained.use(manager, input, portion, rejected.batchNumber);
      },
    );
  }
}
