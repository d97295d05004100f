import { Injectable } from '@nestjs/common';
import { writeAudit } from '@v2v/audit';
import { DomainError, StepRecord, verifyLabelScan } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';
import { ManufacturingSlotRepository } from '../../manufacturing-slots/manufacturing-slot.repository';
import { auditSlot } from '../../manufacturing-slots/slot-audit';
import { ProcessRepository } from '../../processes/process.repository';
import { ProcessValidationStanding } from '../../processes/usecases/process-validation-standing.usecase';
import { BatchRepository } from '../batch.repository';
import { batchNumber, productLabelContent } from '../product-label';
import {
  RetainedDonorMaterial,
  retainedOf,
  retainedPortionSummary,
} from '../retained-donor-material';

/**
 * The batch starts on the verified donor material label (TRC-03) and gets its number and label,
 * on the published process of the journey's specification version, which must be validated for
 * a commercial batch (PRD-03); the batch records that process version. A portion of the donor
 * material set aside at the start is recorded with it, for a re-manufacture if the batch fails.
 */
@Injectable()
export class StartProductionUseCase implements StepUseCase<'startProduction'> {
  constructor(
    private readonly steps: JourneyStepRecorder,
    private readonly batches: BatchRepository,
    private readonly processes: ProcessRepository,
    private readonly validation: ProcessValidationStanding,
    private readonly retained: RetainedDonorMaterial,
    private readonly slots: ManufacturingSlotRepository,
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
        summary: `batch ${number} started, donor material label verified${retainedPortionSummary(input.payload.retainedPortion)}`,
        detail: { batchNumber: number, label, labelVerification, ...retainedOf(input.payload) },
      },
      async (manager) => {
        const { productCode, version } = input.specification;
        const process = await this.processes.definitionOfSpecification(
          manager,
          productCode,
          version,
        );
        if (!process)
          throw new DomainError(
            'PRD-03',
            `${productCode} specification v${version} has no published process definition: a batch runs on a validated process (PRD-03)`,
            { productCode, specificationVersion: version },
          );
        await this.validation.require(manager, productCode, process.processVersion, 'commercial');
        const batch = {
          batchNumber: number,
          donorCode: input.donorCode,
          productCode: input.order.productCode,
          status: 'in-production',
          label,
          startedAt: input.occurredAt,
          processVersion: process.processVersion,
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
        await this.retained.setAside(manager, input, number);
        // The journey's booked manufacturing slot names the batch that started on it.
        const slot = await this.slots.recordBatch(manager, input.donorCode, number);
        if (slot)
          await auditSlot(manager, input.actor, slot.after, {
            before: slot.before,
            reason: `batch ${number} started`,
          });
      },
    );
  }
}
