import { Injectable } from '@nestjs/common';
import { writeAudit } from '@v2v/audit';
import { DomainError } from '@v2v/contracts';
import { DataSource } from 'typeorm';
import { actorOf, AuthenticatedUser } from '../../auth/authenticated-user';
import { TrainingRecordView, TrainingRepository } from '../../training/training.repository';

/**
 * PER-01: an administrator withdraws a training record (failed assessment, changed procedure):
 * from now on it authorizes nothing. The record stays, with who withdrew it, when and why.
 */
@Injectable()
export class WithdrawTrainingUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly training: TrainingRepository,
  ) {}

  async execute(
    admin: AuthenticatedUser,
    username: string,
    recordId: string,
    reason: string,
  ): Promise<TrainingRecordView> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.training.findForUpdate(manager, username, recordId);
      if (!before)
        throw new DomainError('NOT_FOUND', `no training record ${recordId} of ${username}`);
      if (before.withdrawal)
        throw new DomainError(
          'TRAINING_RECORD_WITHDRAWN',
          `training record ${recordId} was withdrawn on ${before.withdrawal.at}`,
        );
      const after = await this.training.withdraw(manager, recordId, { by: admin.username, reason });
      await writeAudit(manager, 'gateway', {
        recordType: 'training-record',
        recordId,
        action: 'update',
        actor: actorOf(admin),
        reason,
        oldValue: before,
        newValue: after,
      });
      return after;
    });
  }
}
