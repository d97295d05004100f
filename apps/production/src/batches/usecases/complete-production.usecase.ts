import { Injectable } from '@nestjs/common';
import { writeAudit } from '@v2v/audit';
import { DomainError, StepRecord } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';
import { BatchRepository } from '../batch.repository';

const DAY_MS = 86_400_000;

/**
 * The product expires its shelf life (the pinned specification's) after manufacture ends: the
 * date QA-03 counts the batch record's retention from, fixed once production completes.
 */
function productExpiresOn(input: StepInput<'completeProduction'>): string {
  const completed = Date.parse(input.occurredAt);
  return new Date(completed + input.specification.productShelfLifeDays * DAY_MS)
    .toISOString()
    .slice(0, 10);
}

/** The batch record step that completes production with the total cell count. */
@Injectable()
export class CompleteProductionUseCase implements StepUseCase<'completeProduction'> {
  constructor(
    private readonly steps: JourneyStepRecorder,
    private readonly batches: BatchRepository,
  ) {}

  execute(input: StepInput<'completeProduction'>): Promise<StepRecord> {
    return this.steps.record(
      'completeProduction',
      input,
      {
        summary: `batch completed, ${input.payload.totalCellCount} cells`,
        detail: input.payload,
      },
      async (manager) => {
        const before = await this.batches.inProductionForUpdate(manager, input.donorCode);
        if (!before)
          throw new DomainError(
            'NOT_FOUND',
            `no batch in production for donor code ${input.donorCode}`,
          );
        const after = {
          ...before,
          status: 'completed',
          totalCellCount: input.payload.totalCellCount,
          completedAt: input.occurredAt,
          productExpiresOn: productExpiresOn(input),
        };
        await this.batches.complete(manager, after);
        await writeAudit(manager, 'production', {
          recordType: 'batch',
          recordId: before.batchNumber,
          journeyId: input.journeyId,
          action: 'update',
          actor: input.actor,
          reason: 'batch record step: production completed',
          oldValue: before,
          newValue: after,
        });
      },
    );
  }
}
