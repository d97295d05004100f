import { Module } from '@nestjs/common';
import { signatureRecorderProvider } from '@v2v/service-kit';
import { PRODUCTION_SCHEMA } from '../production.data-source';
import { RecallRepository } from './recall.repository';
import { RecallsController } from './recalls.controller';
import { CreateRecallUseCase } from './usecases/create-recall.usecase';
import { RecordRecallDispositionUseCase } from './usecases/record-recall-disposition.usecase';
import { SignalJourneyRecallsUseCase } from './usecases/signal-journey-recalls.usecase';

/**
 * Recalls (QA-04, TRC-01): QA's signed recall of a batch or a key-material lot, the journeys the
 * genealogy reaches, their signals and notifications, and each unit's end.
 */
@Module({
  controllers: [RecallsController],
  providers: [
    RecallRepository,
    CreateRecallUseCase,
    RecordRecallDispositionUseCase,
    SignalJourneyRecallsUseCase,
    signatureRecorderProvider(PRODUCTION_SCHEMA),
  ],
  exports: [SignalJourneyRecallsUseCase],
})
export class RecallsModule {}
