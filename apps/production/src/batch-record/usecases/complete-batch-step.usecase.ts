import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  type BatchStepActivityInput,
  type BatchStepCompletion,
  type BatchStepRecord,
  DomainError,
} from '@v2v/contracts';
import { RoomBookingRepository } from '../../calendar/room-booking.repository';
import { RecordKeyMaterialConsumptionUseCase } from '../../key-materials/usecases/record-key-material-consumption.usecase';
import {
  judgeContainerInspections,
  judgeParameters,
  requireConsumablesByLot,
  requireLabelsConfirmed,
  requireWasteInactivated,
} from '../batch-record-rules';
import { BatchRecordRepository } from '../batch-record.repository';
import {
  batchSizeOf,
  requireLotOfMaterial,
  requireStepInProgress,
  requireTransferDeparture,
} from '../batch-step-rules';
import { BatchStepContext } from './batch-step-context';
import { BatchStepWriter } from './batch-step-writer';

type Input = BatchStepActivityInput<BatchStepCompletion>;

/**
 * An operator completes the step in progress (§9(7)–(11)) in one transaction: every parameter
 * (PRD-01, out of range a deviation), every container inspected (PRD-07), every consumable by
 * a lot of its material (PRD-08) that may be consumed (MAT-01, recorded as the batch's
 * consumption), every generated label confirmed by its scan (PRD-06), positive waste
 * inactivated and the transfer out departed (PRD-08). The booking's room is free from the
 * step's end; the last step gives the batch size (PRD-01). A refusal writes nothing.
 */
@Injectable()
export class CompleteBatchStepUseCase {
  constructor(
    private readonly writer: BatchStepWriter,
    private readonly context: BatchStepContext,
    private readonly records: BatchRecordRepository,
    private readonly bookings: RoomBookingRepository,
    private readonly consumptions: RecordKeyMaterialConsumptionUseCase,
  ) {}

  execute(input: Input): Promise<BatchStepRecord> {
    return this.writer.once(input, 'completion', (manager) => this.complete(manager, input));
  }

  private async complete(manager: EntityManager, input: Input): Promise<BatchStepRecord> {
    const { payload } = input;
    const ctx = await this.context.load(manager, input);
    const { batch, definition } = ctx;
    const start = requireStepInProgress(batch.batchNumber, ctx.recorded, input);
    // The start was recorded for the definition's step at this index; definitions never change.
    const step = definition.content.steps[start.stepIndex]!;
    if (Date.parse(payload.endedAt) < Date.parse(start.startedAt))
      throw new DomainError(
        'VALIDATION_FAILED',
        `step ${step.stepId} cannot end at ${payload.endedAt}, before it started at ${start.startedAt}`,
        { fieldErrors: [{ path: 'endedAt', message: 'before the step started' }] },
      );

    const deviations = [
      ...judgeParameters(step, payload.parameters),
      ...judgeContainerInspections(step, payload.containerInspections),
    ].map((d) => ({ ...d, stepId: step.stepId }));
    requireConsumablesByLot(step, payload.consumables);
    const positive = start.positiveMaterial || input.knownPositiveMarkers.length > 0;
    requireWasteInactivated(step, positive, payload.wasteInactivation);
    requireLabelsConfirmed(
      await this.records.labelsOfStart(manager, start.recordId),
      payload.labelConfirmations,
    );
    requireTransferDeparture(step, payload.transferDepartedAt, payload.endedAt);
    const last = input.stepIndex === definition.content.steps.length - 1;
    const totalCellCount = last
      ? batchSizeOf(definition.cellCountParameter, payload.parameters)
      : null;

    const endedAt = new Date(payload.endedAt);
    for (const [n, c] of payload.consumables.entries()) {
      const consumption = await this.consumptions.recordFor(
        manager,
        batch,
        {
          eventId: `${input.eventId}/${n + 1}`,
          donorCode: batch.donorCode,
          lotId: c.lotId,
          quantity: c.quantity,
          unit: c.unit,
          consumedBy: input.actor,
        },
        endedAt,
      );
      requireLotOfMaterial(c, consumption.materialCode);
    }
    await this.bookings.recordStepEnded(manager, start.bookingId, endedAt);
    return this.writer.write(
      manager,
      {
        ...start,
        eventId: input.eventId,
        kind: 'completion',
        operators: [...new Set([input.actor.userId, ...start.operators])],
        endedAt: endedAt.toISOString(),
        summary: `batch ${batch.batchNumber} step ${step.stepId} completed${totalCellCount !== null ? `, ${totalCellCount} cells` : ''}${deviations.length ? `, ${deviations.length} deviation(s)` : ''}`,
        payload,
        totalCellCount,
        recordedBy: input.actor,
      },
      { labels: [], deviations },
    );
  }
}
