import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@v2v/service-kit';
import { DonorIntakeClient } from '../../internal/donor-intake.client';
import { trainingDueDays, trainingDueEventId, trainingDueUntil } from '../training-due';
import { HOSPITAL_SIGNED } from '../training-rules';
import { TrainingRepository } from '../training.repository';

/**
 * OTH-02, TRC-04: a hospital clinician whose training for a hospital-signed step expires
 * within the notice (TRAINING_DUE_DAYS, 30 by default) is named in their institution's feed,
 * once per record and expiry. The gateway owns the records; donor-intake owns the feed and
 * keeps one notice per derived source id, so a repeat of a run, or of a record, adds nothing.
 * Nothing in the gateway changes, so there is no gateway audit entry: donor-intake audits the
 * notice it records.
 */
@Injectable()
export class NotifyTrainingDueUseCase {
  private readonly logger = new Logger(NotifyTrainingDueUseCase.name);
  private readonly days = trainingDueDays(process.env);

  constructor(
    private readonly training: TrainingRepository,
    private readonly donorIntake: DonorIntakeClient,
    private readonly clock: Clock,
  ) {}

  /** Every record coming due, or only the one named; how many notices were new. */
  async execute(trainingRecordId?: string): Promise<number> {
    const today = this.clock.today();
    const due = await this.training.comingDue({
      operations: HOSPITAL_SIGNED,
      today,
      until: trainingDueUntil(today, this.days),
      id: trainingRecordId,
    });
    let recorded = 0;
    for (const record of due) {
      const answer = await this.donorIntake.recordTrainingDue({
        sourceEventId: trainingDueEventId(record),
        institutionId: record.institutionId,
        trainingRecordId: record.id,
        username: record.username,
        operation: record.operation,
        expiresOn: record.expiresOn,
      });
      if (answer.recorded) recorded += 1;
    }
    return recorded;
  }

  /**
   * The same, for callers that must not fail because the feed is unreachable (a training
   * record already written, the timer): the next daily run sends what this one could not.
   */
  async executeLogged(trainingRecordId?: string): Promise<void> {
    try {
      const recorded = await this.execute(trainingRecordId);
      if (recorded > 0) this.logger.log(`training-due: ${recorded} new notice(s)`);
    } catch (error) {
      this.logger.warn(`training-due notices not sent, the next run retries: ${String(error)}`);
    }
  }
}
