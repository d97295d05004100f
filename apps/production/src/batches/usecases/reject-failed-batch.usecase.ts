import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import { DomainError, StepRecord } from '@v2v/contracts';
import { JourneyStepRecorder, StepInput, StepUseCase } from '@v2v/service-kit';
import { SignatureRecorder } from '@v2v/signatures';
import { RoomBookingRepository } from '../../calendar/room-booking.repository';
import { BatchRepository } from '../batch.repository';
import { requireBatchDisposition } from '../remanufacture-rules';

/**
 * MAT-04 for product: QA's signed rejection of the donor's batch that failed in production, with
 * its disposition. The signature is checked (CSV-02) and must be the qualified person's (PER-03,
 * checked by the recorder); the batch, the signature, the audit entries and the custody event
 * are written in one transaction, or nothing is.
 */
@Injectable()
export class RejectFailedBatchUseCase implements StepUseCase<'rejectFailedBatch'> {
  constructor(
    private readonly steps: JourneyStepRecorder,
    private readonly batches: BatchRepository,
    private readonly signatures: SignatureRecorder,
    private readonly bookings: RoomBookingRepository,
  ) {}

  async execute(input: StepInput<'rejectFailedBatch'>): Promise<StepRecord> {
    const disposition = requireBatchDisposition(input.payload.disposition);
    const { reason } = input.payload;
    return this.steps.record(
      'rejectFailedBatch',
      input,
      {
        summary: `batch rejected in production, disposition ${disposition} (MAT-04): ${reason}`,
        // The signed content: exactly the decision, so the signature can be checked later.
        detail: input.payload,
      },
      async (manager) => {
        const before = await this.batches.inProductionForUpdate(manager, input.donorCode);
        if (!before)
          throw new DomainError(
            'NOT_FOUND',
            `no batch in production for donor code ${input.donorCode}: nothing to reject`,
          );
        await this.signatures.recordForStep(manager, 'rejectFailedBatch', input);
        const rejection = { rejectedAt: input.occurredAt, reason, disposition };
        await this.batches.reject(manager, { batchNumber: before.batchNumber, ...rejection });
        await writeAudit(manager, 'production', {
          recordType: 'batch',
          recordId: before.batchNumber,
          journeyId: input.journeyId,
          action: 'update',
          actor: input.actor,
          reason: `failed batch rejected, disposition ${disposition}: ${reason}`,
          oldValue: before,
          newValue: { ...before, status: 'rejected', ...rejection },
        });
        await this.cancelOpenBookings(manager, input, before.batchNumber);
      },
    );
  }

  /** The rejected batch takes no more steps: its rooms are given back to the calendar. */
  private async cancelOpenBookings(
    manager: EntityManager,
    input: StepInput<'rejectFailedBatch'>,
    batchNumber: string,
  ): Promise<void> {
    const reason = `batch ${batchNumber} rejected: ${input.payload.reason}`;
    const cancelled = await this.bookings.cancelOpenBookingsOf(manager, input.donorCode, {
      cancelledBy: input.actor.userId,
      reason,
    });
    for (const booking of cancelled)
      await writeAudit(manager, 'production', {
        recordType: 'room-booking',
        recordId: booking.bookingId,
        journeyId: input.journeyId,
        action: 'update',
        actor: input.actor,
        reason,
        newValue: booking,
      });
  }
}
