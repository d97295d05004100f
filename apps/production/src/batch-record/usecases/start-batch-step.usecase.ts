import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  type BatchStepActivityInput,
  type BatchStepRecord,
  type BatchStepStart,
  DomainError,
} from '@v2v/contracts';
import { BookProcessStepUseCase } from '../../calendar/usecases/book-process-step.usecase';
import { RoomBookingRepository } from '../../calendar/room-booking.repository';
import { requireIntegrityCheckCurrent } from '../../facility/facility-rules';
import { FacilityRepository } from '../../facility/facility.repository';
import { MediaFillStanding } from '../../media-fills/usecases/media-fill-standing.usecase';
import { ProcessRepository } from '../../processes/process.repository';
import { type BatchDeviation, judgeTransfer, requireDecontaminated } from '../batch-record-rules';
import { BatchRecordRepository } from '../batch-record.repository';
import {
  requireBookingForStep,
  requireNextStep,
  requireOperatorsWithinWorstCase,
  requireWithinShift,
  stepLabels,
} from '../batch-step-rules';
import { BatchStepContext, type BatchStepContextView } from './batch-step-context';
import { BatchStepWriter } from './batch-step-writer';

type Input = BatchStepActivityInput<BatchStepStart>;

/**
 * An operator starts a step of the batch (§9(5), (7)) in one transaction: the next step by the
 * batch record (PRD-01), on the booking made for it (PRD-04), checked again against the
 * calendar, the room's grade, the equipment's integrity and the validation as they are now
 * (PRD-04, FAC-02, FAC-01, PRD-03); on a line and shift with a current media fill, within the
 * shift's hours (PRD-02); by people decontaminated since their last hazardous work elsewhere
 * and not still at work there (PER-02), no more of them in the room at once than the validated
 * worst case covers (PRD-03); closing the transfer out of the previous step (PRD-08, GEN-01).
 * The system generates the step's labels (PRD-06). A refusal writes nothing.
 */
@Injectable()
export class StartBatchStepUseCase {
  constructor(
    private readonly writer: BatchStepWriter,
    private readonly context: BatchStepContext,
    private readonly records: BatchRecordRepository,
    private readonly bookings: RoomBookingRepository,
    private readonly calendar: BookProcessStepUseCase,
    private readonly facility: FacilityRepository,
    private readonly mediaFills: MediaFillStanding,
    private readonly processes: ProcessRepository,
  ) {}

  execute(input: Input): Promise<BatchStepRecord> {
    return this.writer.once(input, 'start', (manager) => this.start(manager, input));
  }

  private async start(manager: EntityManager, input: Input): Promise<BatchStepRecord> {
    const { payload } = input;
    const startedAt = new Date(payload.startedAt);
    const ctx = await this.context.load(manager, input);
    const { batch, definition } = ctx;
    const steps = definition.content.steps;
    requireNextStep(batch.batchNumber, steps, ctx.recorded, input);
    const step = steps[input.stepIndex];

    const booking = await this.bookings.booking(manager, payload.bookingId, 'FOR UPDATE');
    requireBookingForStep(booking, {
      donorCode: batch.donorCode,
      productCode: batch.productCode,
      processVersion: batch.processVersion,
      stepId: step.stepId,
      knownPositiveMarkers: input.knownPositiveMarkers,
    });
    const placed = await this.calendar.recheckAtStart(manager, booking.bookingId, startedAt);
    // The calendar judges the integrity check at the booked start; the work starts now.
    const equipment = placed.equipmentCode
      ? await this.facility.equipment(manager, placed.equipmentCode)
      : undefined;
    if (equipment) requireIntegrityCheckCurrent(equipment, startedAt);

    const shift = await this.facility.shift(manager, payload.shiftCode);
    if (!shift)
      throw new DomainError('PRD-02', `no shift ${payload.shiftCode} on the register (PRD-02)`);
    requireWithinShift(shift, startedAt);
    if (!placed.lineCode)
      throw new DomainError(
        'PRD-02',
        `booking ${booking.bookingId} names no production line: a step runs on a line with a current media fill (PRD-02)`,
      );
    await this.mediaFills.require(manager, placed.lineCode, shift.shiftCode, startedAt);

    const operators = [...new Set([input.actor.userId, ...(payload.coOperators ?? [])])];
    for (const person of operators) {
      const standing = await this.records.hazardStanding(manager, person, payload.startedAt);
      requireDecontaminated({ userId: person, areaCode: placed.areaCode, ...standing });
    }
    // Under the area's lock the calendar's recheck took: two starts in the room count each other.
    const validation = await this.processes.latestValidation(
      manager,
      batch.productCode,
      batch.processVersion,
    );
    requireOperatorsWithinWorstCase({
      roomCode: placed.roomCode,
      process: { productCode: batch.productCode, processVersion: batch.processVersion },
      inRoom: await this.records.operatorsInRoom(manager, placed.roomCode, startedAt.toISOString()),
      operators,
      worstCase: validation?.worstCase ?? null,
    });

    const deviations = this.judgeArrival(ctx, input);
    const labels = stepLabels({
      donorCode: batch.donorCode,
      batchNumber: batch.batchNumber,
      stepId: step.stepId,
      afterFilling: step.containers.afterFilling,
    });
    return this.writer.write(
      manager,
      {
        eventId: input.eventId,
        batchNumber: batch.batchNumber,
        donorCode: batch.donorCode,
        journeyId: batch.journeyId,
        stepId: step.stepId,
        stepIndex: input.stepIndex,
        kind: 'start',
        bookingId: booking.bookingId,
        roomCode: placed.roomCode,
        areaCode: placed.areaCode,
        equipmentCode: placed.equipmentCode,
        lineCode: placed.lineCode,
        shiftCode: shift.shiftCode,
        positiveMaterial: placed.positiveMaterial,
        operators,
        startedAt: startedAt.toISOString(),
        endedAt: null,
        summary: `batch ${batch.batchNumber} step ${step.stepId} started in ${placed.roomCode}${placed.equipmentCode ? ` on ${placed.equipmentCode}` : ''}, line ${placed.lineCode}, shift ${shift.shiftCode}`,
        payload,
        totalCellCount: null,
        recordedBy: input.actor,
      },
      { labels, deviations },
    );
  }

  /**
   * PRD-08, GEN-01: the transfer out of the previous step, if it defines one, arrives with this
   * start; its time and temperatures are judged against the previous step's limits.
   */
  private judgeArrival(
    ctx: BatchStepContextView,
    input: Input,
  ): Array<BatchDeviation & { stepId: string }> {
    if (input.stepIndex === 0) return [];
    const previous = ctx.definition.content.steps[input.stepIndex - 1];
    const completion = ctx.recorded.find(
      (r) => r.stepIndex === input.stepIndex - 1 && r.kind === 'completion',
    );
    const departedAt = completion?.payload.transferDepartedAt;
    const arrival = input.payload.transferArrival;
    const transfer =
      arrival && typeof departedAt === 'string' ? { departedAt, ...arrival } : undefined;
    return judgeTransfer(previous, transfer).map((d) => ({ ...d, stepId: previous.stepId }));
  }
}
