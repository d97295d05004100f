import { Injectable } from '@nestjs/common';
import { writeAudit } from '@v2v/audit';
import { StepRecord, verifyLabelScan } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';
import { BatchRepository } from '../batch.repository';
import { batchNumber, productLabelContent } from '../product-label';

/** The batch starts on the verified donor material label (TRC-03) and gets its number and label. */
@Injectable()
export class StartProductionUseCase implements StepUseCase<'startProduction'> {
  constructor(
    private readonly steps: JourneyStepRecorder,
    private readonly batches: BatchRepository,
  ) {}

  async execute(input: StepInput<'startProduction'>): Promise<StepRecord> {
    const labelVerification = verifyLabelScan(input.donorCode, input.payload.labelScan);
    const seq = await this.batches.nextSequence();
    const number = batchNumber(new Date(input.occurredAt).getUTCFullYear(), seq);
    const label = productLabelContent({
      donorCode: input.donorCode,
      batchNumber: number,
      productCode: input.order.productCode,
    });
    return this.steps.record(
      'startProduction',
      input,
      {
        summary: `batch ${number} started, donor material label verified`,
        detail: { batchNumber: number, label, labelVerification },
      },
      async (manager) => {
        const batch = {
          batchNumber: number,
          donorCode: input.donorCode,
          productCode: input.order.productCode,
          status: 'in-production',
          label,
          startedAt: input.occurredAt,
        };
        await this.batches.insert(manager, { ...batch, journeyId: input.journeyId });
        await writeAudit(manager, 'production', {
          recordType: 'batch',
          recordId: number,
          journeyId: input.journeyId,
          action: 'create',
          actor: input.actor,
          newValue: batch,
        });
      },
    );
  }
}
