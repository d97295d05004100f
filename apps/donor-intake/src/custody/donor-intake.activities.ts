import { Injectable } from '@nestjs/common';
import { DonorIntakeActivities, DonorMaterialReleaseGateActivities } from '@v2v/contracts';
import { JourneyStepRecorder } from '@v2v/service-kit';
import { RecordDonorScreeningUseCase } from '../material/usecases/record-donor-screening.usecase';
import { RecordMaterialReceiptUseCase } from '../material/usecases/record-material-receipt.usecase';
import { RejectMaterialUseCase } from '../material/usecases/reject-material.usecase';
import { ReleaseMaterialUseCase } from '../material/usecases/release-material.usecase';
import { DonorMaterialGateRepository } from '../release-gates/donor-material-gate.repository';
import { DonorMaterialReleaseGatesUseCase } from '../release-gates/usecases/donor-material-release-gates.usecase';
import { CancelJourneyUseCase } from './usecases/cancel-journey.usecase';
import { HandOverToCourierUseCase } from './usecases/hand-over-to-courier.usecase';
import { PostponeCollectionUseCase } from './usecases/postpone-collection.usecase';
import { RecordCollectionUseCase } from './usecases/record-collection.usecase';
import { RecordPostCollectionStorageUseCase } from './usecases/record-post-collection-storage.usecase';
import { ScheduleCollectionUseCase } from './usecases/schedule-collection.usecase';
import { BindCustodyLegLoggerUseCase } from '../telemetry/usecases/bind-custody-leg-logger.usecase';

/**
 * The donor-intake activities the journey calls on the `donor-intake` task queue: each one
 * is its step's use case, which records the step and its custody event once per event id.
 */
@Injectable()
export class DonorIntakeActivityAdapter {
  constructor(
    private readonly screening: RecordDonorScreeningUseCase,
    private readonly scheduling: ScheduleCollectionUseCase,
    private readonly postponement: PostponeCollectionUseCase,
    private readonly collection: RecordCollectionUseCase,
    private readonly storage: RecordPostCollectionStorageUseCase,
    private readonly handOver: HandOverToCourierUseCase,
    private readonly receipt: RecordMaterialReceiptUseCase,
    private readonly release: ReleaseMaterialUseCase,
    private readonly rejection: RejectMaterialUseCase,
    private readonly cancellation: CancelJourneyUseCase,
    private readonly steps: JourneyStepRecorder,
    private readonly releaseGates: DonorMaterialReleaseGatesUseCase,
    private readonly legLogger: BindCustodyLegLoggerUseCase,
  ) {}

  activities(): DonorIntakeActivities & DonorMaterialReleaseGateActivities {
    return {
      recordDonorScreening: (input) => this.screening.execute(input),
      scheduleCollection: (input) => this.scheduling.execute(input),
      postponeCollection: (input) => this.postponement.execute(input),
      recordCollection: (input) => this.collection.execute(input),
      recordPostCollectionStorage: (input) => this.storage.execute(input),
      handOverToCourier: (input) => this.handOver.execute(input),
      recordMaterialReceipt: (input) => this.receipt.execute(input),
      releaseMaterial: (input) => this.release.execute(input),
      rejectMaterial: (input) => this.rejection.execute(input),
      cancelJourney: (input) => this.cancellation.execute(input),
      raiseTransportDeviation: (input) => this.steps.deviation(input),
      donorMaterialReleaseGates: (input) => this.releaseGates.execute(input),
      bindCustodyLegLogger: (input) => this.legLogger.execute(input),
    };
  }
}

/** The step use cases and what they need, for the app module's providers. */
export const DONOR_INTAKE_STEP_PROVIDERS = [
  RecordDonorScreeningUseCase,
  ScheduleCollectionUseCase,
  PostponeCollectionUseCase,
  RecordCollectionUseCase,
  RecordPostCollectionStorageUseCase,
  HandOverToCourierUseCase,
  RecordMaterialReceiptUseCase,
  ReleaseMaterialUseCase,
  RejectMaterialUseCase,
  CancelJourneyUseCase,
  DonorMaterialGateRepository,
  DonorMaterialReleaseGatesUseCase,
  BindCustodyLegLoggerUseCase,
  DonorIntakeActivityAdapter,
];
