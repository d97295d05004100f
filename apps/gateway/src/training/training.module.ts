import { Module } from '@nestjs/common';
import { SharedModule } from '../shared/shared.module';
import { TrainingMatrixService } from './training-matrix.service';
import { TrainingRepository } from './training.repository';
import { TrainingDueScheduler } from './training-due.scheduler';
import { NotifyTrainingDueUseCase } from './usecases/notify-training-due.usecase';

/** The training matrix (PER-01, OTH-02): enforced on every step, administered by the admin. */
@Module({
  imports: [SharedModule],
  providers: [
    TrainingRepository,
    TrainingMatrixService,
    NotifyTrainingDueUseCase,
    TrainingDueScheduler,
  ],
  exports: [TrainingRepository, TrainingMatrixService, NotifyTrainingDueUseCase],
})
export class TrainingModule {}
