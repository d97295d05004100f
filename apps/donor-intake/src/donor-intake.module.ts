import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SignatureRecorder } from '@v2v/signatures';
import { INSTITUTION_TOPIC, TASK_QUEUES, TELEMETRY_TOPIC } from '@v2v/contracts';
import { RefusalRecordRepository } from '@v2v/messaging';
import {
  activityWorkerProcess,
  BackgroundProcesses,
  GMP_SERVICE_CONTROLLERS,
  gmpServiceImports,
  gmpServiceProviders,
  inboxConsumerProcess,
  outboxRelayProcess,
} from '@v2v/service-kit';
import { QualifiedShippersController, qualifiedShipperProviders } from '@v2v/shipper-qualification';
import { createDonorIntakeActivities } from './custody/donor-intake.activities';
import { DONOR_INTAKE_SCHEMA, donorIntakeDataSourceOptions } from './donor-intake.data-source';
import { DonorRepository } from './donors/donor.repository';
import { DonorsController } from './donors/donors.controller';
import { DeleteDonorUseCase } from './donors/usecases/delete-donor.usecase';
import { RegisterDonorUseCase } from './donors/usecases/register-donor.usecase';
import { InstitutionRepository } from './institutions/institution.repository';
import { InstitutionsController } from './institutions/institutions.controller';
import { notifyRunningJourneys } from './institutions/notify-running-journeys';
import { InstitutionQualificationUseCase } from './institutions/usecases/institution-qualification.usecase';
import { DeviationRepository } from './material/deviation.repository';
import { DeviationsController } from './material/deviations.controller';
import { CloseDeviationUseCase } from './material/usecases/close-deviation.usecase';
import { DonorMaterialLabelController } from './material/donor-material-label.controller';
import { ReadDonorMaterialLabelUseCase } from './material/read-donor-material-label.usecase';
import { recordTemperatureReadings } from './telemetry/record-temperature-readings';
import { TemperatureReadingRepository } from './telemetry/temperature-reading.repository';
import { TemperatureReadingsController } from './telemetry/temperature-readings.controller';

@Module({
  imports: gmpServiceImports('donor-intake', donorIntakeDataSourceOptions),
  controllers: [
    ...GMP_SERVICE_CONTROLLERS,
    DonorsController,
    InstitutionsController,
    TemperatureReadingsController,
    DeviationsController,
    DonorMaterialLabelController,
    QualifiedShippersController,
  ],
  providers: [
    ...gmpServiceProviders('donor-intake', DONOR_INTAKE_SCHEMA),
    ...qualifiedShipperProviders(DONOR_INTAKE_SCHEMA, 'donor-material'),
    DonorRepository,
    InstitutionRepository,
    TemperatureReadingRepository,
    InstitutionQualificationUseCase,
    RegisterDonorUseCase,
    DeleteDonorUseCase,
    ReadDonorMaterialLabelUseCase,
    DeviationRepository,
    CloseDeviationUseCase,
    {
      provide: BackgroundProcesses,
      inject: [DataSource, InstitutionRepository, SignatureRecorder, RefusalRecordRepository],
      useFactory: (
        dataSource: DataSource,
        institutions: InstitutionRepository,
        signatures: SignatureRecorder,
        refusals: RefusalRecordRepository,
      ) =>
        new BackgroundProcesses([
          outboxRelayProcess(dataSource, DONOR_INTAKE_SCHEMA, 'donor-intake'),
          inboxConsumerProcess({
            dataSource,
            schema: DONOR_INTAKE_SCHEMA,
            groupId: 'donor-intake-telemetry',
            topics: [TELEMETRY_TOPIC],
            handler: recordTemperatureReadings(),
          }),
          inboxConsumerProcess({
            dataSource,
            schema: DONOR_INTAKE_SCHEMA,
            groupId: 'donor-intake-institution-notices',
            topics: [INSTITUTION_TOPIC],
            handler: notifyRunningJourneys(institutions),
          }),
          activityWorkerProcess(
            TASK_QUEUES.donorIntake,
            createDonorIntakeActivities(dataSource, institutions, signatures),
            refusals,
          ),
        ]),
    },
  ],
})
export class DonorIntakeModule {}
