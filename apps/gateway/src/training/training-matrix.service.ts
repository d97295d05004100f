import { Injectable } from '@nestjs/common';
import { DomainError, GmpOperation } from '@v2v/contracts';
import { AccessRefusalLog } from '../refusals/access-refusal.log';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { RecordedRefusal } from '../refusals/recorded-refusal';
import { Clock } from '@v2v/service-kit';
import { assertTrainedFor } from './training-rules';
import { TrainingRepository } from './training.repository';

/** Enforces the training matrix on every GMP operation (PER-01), and keeps who was refused. */
@Injectable()
export class TrainingMatrixService {
  constructor(
    private readonly training: TrainingRepository,
    private readonly refusals: AccessRefusalLog,
    private readonly clock: Clock,
  ) {}

  async assertTrained(
    user: AuthenticatedUser,
    step: GmpOperation,
    where: { method: string; path: string },
  ): Promise<void> {
    try {
      assertTrainedFor(
        user,
        step,
        await this.training.recordsOf(user.username),
        this.clock.today(),
      );
    } catch (error) {
      if (error instanceof DomainError) {
        await this.refusals.record({
          username: user.username,
          role: user.role,
          ...where,
          status: 403,
          reason: error.message,
          code: error.code,
        });
        throw new RecordedRefusal(error);
      }
      throw error;
    }
  }
}
