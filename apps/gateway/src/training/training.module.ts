import { Module } from '@nestjs/common';
import { SharedModule } from '../shared/shared.module';
import { TrainingMatrixService } from './training-matrix.service';
import { TrainingRepository } from './training.repository';

/** The training matrix (PER-01, OTH-02): enforced on every step, administered by the admin. */
@Module({
  imports: [SharedModule],
  providers: [TrainingRepository, TrainingMatrixService],
  exports: [TrainingRepository, TrainingMatrixService],
})
export class TrainingModule {}
