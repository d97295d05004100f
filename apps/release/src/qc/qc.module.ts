import { Module } from '@nestjs/common';
import { signatureRecorderProvider } from '@v2v/service-kit';
import { EmergenciesModule } from '../emergencies/emergencies.module';
import { SamplesModule } from '../samples/samples.module';
import { QcController } from './qc.controller';
import { QcRepository } from './qc.repository';
import { DecideOosOutcomeUseCase } from './usecases/decide-oos-outcome.usecase';
import { QcStandingUseCase } from './usecases/qc-standing.usecase';
import { RecordOosConclusionUseCase } from './usecases/record-oos-conclusion.usecase';

/**
 * QC results judged by the system and OOS investigations (QA-02.1); the data source is the
 * app's. The release steps record results and check the gate through the exported providers.
 */
@Module({
  imports: [SamplesModule, EmergenciesModule],
  controllers: [QcController],
  providers: [
    QcRepository,
    QcStandingUseCase,
    RecordOosConclusionUseCase,
    DecideOosOutcomeUseCase,
    signatureRecorderProvider('release'),
  ],
  exports: [QcRepository, QcStandingUseCase],
})
export class QcModule {}
