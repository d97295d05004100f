import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeviationNotice } from '@v2v/contracts';
import type { StepInput } from '@v2v/service-kit';
import { announceEmergency } from '../emergency-raised';
import { ProductEmergencyRepository } from '../product-emergency.repository';

/**
 * QA-04, TRC-03: a bedside check that does not match is refused, and that refusal writes
 * nothing in the step's transaction; so the emergency is recorded here, in its own transaction
 * before the refusal: the emergency with both scans, its audit entry and `deviation.raised.v1`
 * (the institution's feed makes it urgent; the manufacturer lists it with the journey's
 * deviations). Once per attempt: a retried activity of the same event id finds it and raises
 * nothing more.
 */
@Injectable()
export class RaiseBedsideMismatchUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly emergencies: ProductEmergencyRepository,
  ) {}

  execute(input: StepInput<'recordInfusion'>, description: string): Promise<DeviationNotice> {
    const { donorCode, journeyId, eventId } = input;
    return this.dataSource.transaction(async (manager) => {
      const record = {
        emergencyId: randomUUID(),
        donorCode,
        journeyId,
        description,
        bedsideScans: input.payload.verifications,
        raisedAt: input.occurredAt,
        stepEventId: eventId,
      };
      if (!(await this.emergencies.insertBedsideMismatch(manager, record))) {
        const earlier = (await this.emergencies.bedsideMismatchOf(manager, eventId))!;
        return {
          deviationId: earlier.deviationId,
          rule: 'QA-04',
          detectedAt: new Date(earlier.raisedAt).toISOString(),
          description: earlier.description,
        };
      }
      return announceEmergency(manager, input, record, record, {
        kind: 'bedside-mismatch',
        bedsideScans: record.bedsideScans,
      });
    });
  }
}
