import { Injectable } from '@nestjs/common';
import { writeAudit } from '@v2v/audit';
import { DomainError, JourneyStep } from '@v2v/contracts';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { actorOf, AuthenticatedUser } from '../../auth/authenticated-user';
import { UserRepository } from '../../auth/user.repository';
import { Clock } from '@v2v/service-kit';
import { assessmentProblems } from '../../training/training-rules';
import { TrainingRecordView, TrainingRepository } from '../../training/training.repository';
import { NotifyTrainingDueUseCase } from '../../training/usecases/notify-training-due.usecase';
import { recordTrainingBody } from '../user-administration.schemas';
import { trainingOperationProblem } from '../user-administration-rules';

/**
 * PER-01, OTH-02: an administrator records a user's training and authorization for one step;
 * a hospital clinician's for a hospital-signed step with its passed assessment by another user.
 */
@Injectable()
export class RecordTrainingUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly training: TrainingRepository,
    private readonly clock: Clock,
    private readonly trainingDue: NotifyTrainingDueUseCase,
  ) {}

  async execute(
    admin: AuthenticatedUser,
    username: string,
    command: z.infer<typeof recordTrainingBody>,
  ): Promise<TrainingRecordView> {
    const recorded = await this.dataSource.transaction(async (manager) => {
      const account = await this.users.findForUpdate(manager, username);
      if (!account) throw new DomainError('NOT_FOUND', `no account ${username}`);
      const problem = trainingOperationProblem(account.role, command.operation as JourneyStep);
      if (problem)
        throw new DomainError('VALIDATION_FAILED', problem, {
          fieldErrors: [{ path: 'operation', message: problem }],
        });
      const fieldErrors = assessmentProblems(
        { ...command, username, role: account.role },
        this.clock.today(),
      );
      const assessor = command.assessment?.assessor;
      if (assessor && assessor !== username && !(await this.users.findByUsername(assessor)))
        fieldErrors.push({
          path: 'assessment.assessor',
          message: `no account ${assessor} (OTH-02)`,
        });
      if (fieldErrors.length > 0)
        throw new DomainError(
          'VALIDATION_FAILED',
          `the assessment of ${username}'s training for ${command.operation} is refused: ${fieldErrors
            .map((f) => `${f.path} ${f.message}`)
            .join('; ')}`,
          { fieldErrors },
        );
      const record = await this.training.insert(manager, {
        username,
        operation: command.operation,
        validFrom: command.validFrom,
        validUntil: command.validUntil,
        authorizedBy: admin.username,
        assessment: command.assessment ?? null,
      });
      await writeAudit(manager, 'gateway', {
        recordType: 'training-record',
        recordId: record.id,
        action: 'create',
        actor: actorOf(admin),
        newValue: record,
      });
      return record;
    });
    // OTH-02: a record that is due already is named in the feed now, not at the next daily run.
    await this.trainingDue.executeLogged(recorded.id);
    return recorded;
  }
}
