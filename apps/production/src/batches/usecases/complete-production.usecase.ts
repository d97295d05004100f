import { Injectable } from '@nestjs/common';
import { writeAudit } from '@v2v/audit';
import { DomainError, StepRecord } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';
import { BatchRepository } from '../batch.repository';

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
