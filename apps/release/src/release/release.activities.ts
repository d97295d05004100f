import { Injectable } from '@nestjs/common';
import { QualityControlReleaseGateActivities, ReleaseActivities } from '@v2v/contracts';
import { JourneyStepRecorder, SignatureVoidings } from '@v2v/service-kit';
import { ExcursionEmergencyRepository } from '../emergencies/excursion-emergency.repository';
import { RaiseExcursionEmergencyUseCase } from '../emergencies/usecases/raise-excursion-emergency.usecase';
import { QcStandingUseCase } from '../qc/usecases/qc-standing.usecase';
import { RetentionStandingUseCase } from '../samples/usecases/retention-standing.usecase';
import { ReleaseSignatureVoidings } from './release-signature-voidings';
import { ReleaseVoidingRepository } from './release-voiding.repository';
import { CompleteFollowUpUseCase } from './usecases/complete-follow-up.usecase';
import { ReceiveAtSiteUseCase } from './usecases/receive-at-site.usecase';
import { RecordInfusionUseCase } from './usecases/record-infusion.usecase';
import { RecordQcResultUseCase } from './usecases/record-qc-result.usecase';
import { RecordThawUseCase } from './usecases/record-thaw.usecase';
import { RejectBatchUseCase } from './usecases/reject-batch.usecase';
import { ReleaseBatchUseCase } from './usecases/release-batch.usecase';
import { ShipToSiteUseCase } from './usecases/ship-to-site.usecase';
import { VoidReleaseUseCase } from './usecases/void-release.usecase';

/** The release activities on the `release` task queue, each its step's use case. */
@Injectable()
export class ReleaseActivityAdapter {
  constructor(
    private readonly qcResult: RecordQcResultUseCase,
    private readonly release: ReleaseBatchUseCase,
    private readonly rejection: RejectBatchUseCase,
    private readonly shipment: ShipToSiteUseCase,
    private readonly siteReceipt: ReceiveAtSiteUseCase,
    private readonly thaw: RecordThawUseCase,
    private readonly infusion: RecordInfusionUseCase,
    private readonly followUp: CompleteFollowUpUseCase,
    private readonly steps: JourneyStepRecorder,
    private readonly retention: RetentionStandingUseCase,
    private readonly qc: QcStandingUseCase,
    private readonly voiding: VoidReleaseUseCase,
    private readonly excursionEmergency: RaiseExcursionEmergencyUseCase,
  ) {}

  activities(): ReleaseActivities & QualityControlReleaseGateActivities {
    return {
      recordQcResult: (input) => this.qcResult.execute(input),
      releaseBatch: (input) => this.release.execute(input),
      rejectBatch: (input) => this.rejection.execute(input),
      shipToSite: (input) => this.shipment.execute(input),
      receiveAtSite: (input) => this.siteReceipt.execute(input),
      recordThaw: (input) => this.thaw.execute(input),
      recordInfusion: (input) => this.infusion.execute(input),
      completeFollowUp: (input) => this.followUp.execute(input),
      raiseShipmentDeviation: (input) => this.steps.deviation(input),
      raiseExcursionEmergency: (input) => this.excursionEmergency.execute(input),
      requireRetentionSettled: (input) => this.retention.requireSettled(input),
      qualityControlReleaseGates: (input) => this.qc.releaseGates(input),
      voidRelease: (input) => this.voiding.execute(input),
    };
  }
}

/** The step use cases and what they need, for the app module's providers. */
export const RELEASE_STEP_PROVIDERS = [
  RecordQcResultUseCase,
  ReleaseBatchUseCase,
  RejectBatchUseCase,
  ShipToSiteUseCase,
  ReceiveAtSiteUseCase,
  RecordThawUseCase,
  RecordInfusionUseCase,
  CompleteFollowUpUseCase,
  ReleaseVoidingRepository,
  VoidReleaseUseCase,
  ExcursionEmergencyRepository,
  RaiseExcursionEmergencyUseCase,
  { provide: SignatureVoidings, useClass: ReleaseSignatureVoidings },
  ReleaseActivityAdapter,
];
