import { Module } from '@nestjs/common';
import { signatureRecorderProvider } from '@v2v/service-kit';
import { FacilityRepository } from '../facility/facility.repository';
import { PRODUCTION_SCHEMA } from '../production.data-source';
import { EmDeviationRepository } from './em-deviation.repository';
import { EmResultRecorder } from './em-result-recorder';
import { EnvironmentalMonitoringController } from './environmental-monitoring.controller';
import { EnvironmentalMonitoringRepository } from './environmental-monitoring.repository';
import { AssessContaminationImpactUseCase } from './usecases/assess-contamination-impact.usecase';
import { CloseEmDeviationUseCase } from './usecases/close-em-deviation.usecase';
import { IdentifyOrganismUseCase } from './usecases/identify-organism.usecase';
import { RecordEmResultsUseCase } from './usecases/record-em-results.usecase';
import { RecordEmSessionUseCase } from './usecases/record-em-session.usecase';
import { ReleaseHoldsUseCase } from './usecases/release-holds.usecase';
import { SignalJourneyDeviationsUseCase } from './usecases/signal-journey-deviations.usecase';

/**
 * Environmental monitoring (PRD-05): sessions and results per room, excursions with the batches
 * they exposed and the PRD-05 deviations raised on their journeys (closed by QA, signed),
 * organism identification, QA's signed impact assessments and the release holds.
 */
@Module({
  controllers: [EnvironmentalMonitoringController],
  providers: [
    FacilityRepository,
    EnvironmentalMonitoringRepository,
    EmResultRecorder,
    RecordEmSessionUseCase,
    RecordEmResultsUseCase,
    IdentifyOrganismUseCase,
    AssessContaminationImpactUseCase,
    ReleaseHoldsUseCase,
    SignalJourneyDeviationsUseCase,
    EmDeviationRepository,
    CloseEmDeviationUseCase,
    signatureRecorderProvider(PRODUCTION_SCHEMA),
  ],
  exports: [
    ReleaseHoldsUseCase,
    SignalJourneyDeviationsUseCase,
    EnvironmentalMonitoringRepository,
    EmDeviationRepository,
  ],
})
export class EnvironmentalMonitoringModule {}
