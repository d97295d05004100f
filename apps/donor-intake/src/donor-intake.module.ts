import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { INSTITUTION_TOPIC, TASK_QUEUES, TELEMETRY_TOPIC, TOPICS } from '@v2v/contracts';
import { RefusalRecordRepository } from '@v2v/messaging';
import {
  activityWorkerProcess,
  BackgroundProcesses,
  GMP_SERVICE_CONTROLLERS,
  gmpServiceImports,
  gmpServiceProviders,
  inboxConsumerProcess,
  journeyStepRecorderProvider,
  outboxRelayProcess,
  ServiceConfig,
} from '@v2v/service-kit';
import { QualifiedShippersController, qualifiedShipperProviders } from '@v2v/shipper-qualification';
import {
  DONOR_INTAKE_STEP_PROVIDERS,
  DonorIntakeActivityAdapter,
} from './custody/donor-intake.activities';
import { DONOR_INTAKE_SCHEMA, donorIntakeDataSourceOptions } from './donor-intake.data-source';
import { DonorRepository } from './donors/donor.repository';
import { DonorsController } from './donors/donors.controller';
import { DeleteDonorUseCase } from './donors/usecases/delete-donor.usecase';
import { RegisterDonorUseCase } from './donors/usecases/register-donor.usecase';
import { InstitutionRepository } from './institutions/institution.repository';
import { InstitutionsController } from './institutions/institutions.controller';
import { InstitutionStandingCheck } from './institutions/institution-standing';
import { NotifyRunningJourneysUseCase } from './institutions/usecases/notify-running-journeys.usecase';
import { InstitutionQualificationUseCase } from './institutions/usecases/institution-qualification.usecase';
import { DeviationRepository } from './material/deviation.repository';
import { DeviationsController } from './material/deviations.controller';
import { CloseDeviationUseCase } from './material/usecases/close-deviation.usecase';
import { DonorMaterialLabelController } from './material/donor-material-label.controller';
import { ReadDonorMaterialLabelUseCase } from './material/read-donor-material-label.usecase';
import { MaterialRecordRepository } from './material/material-record.repository';
import { DonorMaterialTestsController } from './material-tests/donor-material-tests.controller';
import { DONOR_MATERIAL_TEST_PROVIDERS } from './material-tests/donor-material-tests.providers';
import { RecordTemperatureReadingsUseCase } from './telemetry/usecases/record-temperature-readings.usecase';
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
    DonorMaterialTestsController,
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
    MaterialRecordRepository,
    InstitutionStandingCheck,
    RecordTemperatureReadingsUseCase,
    NotifyRunningJourneysUseCase,
    journeyStepRecorderProvider({
      schema: DONOR_INTAKE_SCHEMA,
      producer: 'donor-intake',
      topic: TOPICS.donorIntake,
    }),
    ...DONOR_INTAKE_STEP_PROVIDERS,
    ...DONOR_MATERIAL_TEST_PROVIDERS,
    {
      provide: BackgroundProcesses,
      inject: [
        ServiceConfig,
        DataSource,
        RecordTemperatureReadingsUseCase,
        NotifyRunningJourneysUseCase,
        DonorIntakeActivityAdapter,
        RefusalRecordRepository,
      ],
      useFactory: (
        config: ServiceConfig,
        dataSource: DataSource,
        telemetry: RecordTemperatureReadingsUseCase,
        notices: NotifyRunningJourneysUseCase,
        steps: DonorIntakeActivityAdapter,
        refusals: RefusalRecordRepository,
      ) =>
        new BackgroundProcesses(
          [
            outboxRelayProcess(dataSource, DONOR_INTAKE_SCHEMA, 'donor-intake', config.env),
            inboxConsumerProcess({
              dataSource,
              schema: DONOR_INTAKE_SCHEMA,
              groupId: 'donor-intake-telemetry',
              topics: [TELEMETRY_TOPIC],
              handler: telemetry.handler(),
              env: config.env,
            }),
            inboxConsumerProcess({
              dataSource,
              schema: DONOR_INTAKE_SCHEMA,
              groupId: 'donor-intake-institution-notices',
              topics: [INSTITUTION_TOPIC],
              handler: notices.handler(),
              env: config.env,
            }),
            activityWorkerProcess(
              TASK_QUEUES.donorIntake,
              steps.activities(),
              refusals,
              config.env,
            ),
          ],
          { enabled: config.backgroundProcesses },
        ),
    },
  ],
})
export class DonorIntakeModule {}
