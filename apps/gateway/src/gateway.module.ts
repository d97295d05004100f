import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BackgroundProcesses, outboxRelayProcess, serviceLoggerModule } from '@v2v/service-kit';
import { DataSource } from 'typeorm';
import { AuditTrailService } from './audit/audit-trail.service';
import { AuditController } from './audit/audit.controller';
import { authConfig } from './auth/auth-config';
import { AuthController } from './auth/auth.controller';
import { AccessRefusalLog } from './auth/access-refusal.log';
import { AuthGuard } from './auth/auth.guard';
import { HospitalTenancyGuard } from './auth/hospital-tenancy.guard';
import { TrainingGuard } from './training/training.guard';
import { PasswordAttemptRepository } from './auth/password-attempts/password-attempt.repository';
import { PasswordAttemptThrottle } from './auth/password-attempts/password-attempt-throttle.service';
import { PasswordHasher } from './auth/password-hasher';
import { ChangeOwnPasswordUseCase } from './auth/usecases/change-own-password.usecase';
import { LogInUseCase } from './auth/usecases/log-in.usecase';
import { UserRepository } from './auth/user.repository';
import { InstitutionRegisterCheck } from './user-administration/institution-register.check';
import { ChangeUserRoleUseCase } from './user-administration/usecases/change-user-role.usecase';
import { CreateUserUseCase } from './user-administration/usecases/create-user.usecase';
import { RecordTrainingUseCase } from './user-administration/usecases/record-training.usecase';
import { ResetUserPasswordUseCase } from './user-administration/usecases/reset-user-password.usecase';
import { SetAccountStatusUseCase } from './user-administration/usecases/set-account-status.usecase';
import { WithdrawTrainingUseCase } from './user-administration/usecases/withdraw-training.usecase';
import { UserAdministrationController } from './user-administration/user-administration.controller';
import { ExportsController } from './exports/exports.controller';
import { JourneyRecordService } from './exports/journey-record.service';
import { KeyMaterialsController } from './key-materials/key-materials.controller';
import { InstitutionQualificationService } from './institutions/institution-qualification.service';
import { InstitutionsController } from './institutions/institutions.controller';
import { QualifiedShippersController } from './shippers/qualified-shippers.controller';
import { QualifiedShippersService } from './shippers/qualified-shippers.service';
import { KeyMaterialsService } from './key-materials/key-materials.service';
import { gatewayDataSourceOptions } from './gateway.data-source';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { InternalServiceClient } from './internal/internal-service.client';
import { JourneyCommandsService } from './journeys/journey-commands.service';
import { JourneyStepsService } from './journeys/journey-steps.service';
import { JourneysController } from './journeys/journeys.controller';
import { DonorMaterialLabelService } from './labels/donor-material-label.service';
import { LabelsController } from './labels/labels.controller';
import { OrdersController } from './orders/orders.controller';
import { OrdersService } from './orders/orders.service';
import { ElectronicSignatureService } from './signatures/electronic-signature.service';
import { SignatureRegistry } from './signatures/signature-registry.service';
import { SignaturesController } from './signatures/signatures.controller';
import { ProductSpecificationsController } from './specifications/product-specifications.controller';
import { TelemetryOutboxRepository } from './telemetry/telemetry-outbox.repository';
import { TelemetryController } from './telemetry/telemetry.controller';
import { DeviationsController } from './deviations/deviations.controller';
import { TracesController } from './traces/traces.controller';
import { TrainingMatrixService } from './training/training-matrix.service';
import { TrainingRepository } from './training/training.repository';
import { PublicHealthController } from './public-health.controller';
import { AccessRefusalRepository } from './refusals/access-refusal.repository';
import { JourneyRefusalsService } from './refusals/journey-refusals.service';
import { RefusalsController } from './refusals/refusals.controller';
import { DonorRegisterClient } from './tenancy/donor-register.client';

@Module({
  imports: [
    serviceLoggerModule('gateway'),
    TypeOrmModule.forRootAsync({ useFactory: gatewayDataSourceOptions }),
    TerminusModule,
    JwtModule.registerAsync({
      useFactory: () => {
        const { secret, ttl } = authConfig();
        return {
          secret,
          signOptions: { expiresIn: ttl as never, algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        };
      },
    }),
  ],
  controllers: [
    AuthController,
    OrdersController,
    JourneysController,
    TracesController,
    AuditController,
    ExportsController,
    SignaturesController,
    ProductSpecificationsController,
    KeyMaterialsController,
    TelemetryController,
    DeviationsController,
    LabelsController,
    InstitutionsController,
    QualifiedShippersController,
    PublicHealthController,
    UserAdministrationController,
    RefusalsController,
  ],
  providers: [
    // Order matters: authentication and role first, then tenancy.
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: HospitalTenancyGuard },
    { provide: APP_GUARD, useClass: TrainingGuard },
    AccessRefusalLog,
    AccessRefusalRepository,
    DonorRegisterClient,
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
    // Telemetry reaches Kafka through the gateway's outbox.
    {
      provide: BackgroundProcesses,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) =>
        new BackgroundProcesses([outboxRelayProcess(dataSource, 'gateway', 'gateway')]),
    },
    UserRepository,
    PasswordHasher,
    PasswordAttemptRepository,
    PasswordAttemptThrottle,
    LogInUseCase,
    ChangeOwnPasswordUseCase,
    InstitutionRegisterCheck,
    CreateUserUseCase,
    ChangeUserRoleUseCase,
    SetAccountStatusUseCase,
    ResetUserPasswordUseCase,
    RecordTrainingUseCase,
    WithdrawTrainingUseCase,
    InternalServiceClient,
    JourneyCommandsService,
    OrdersService,
    AuditTrailService,
    JourneyRecordService,
    JourneyStepsService,
    TrainingRepository,
    TrainingMatrixService,
    ElectronicSignatureService,
    SignatureRegistry,
    KeyMaterialsService,
    DonorMaterialLabelService,
    InstitutionQualificationService,
    QualifiedShippersService,
    TelemetryOutboxRepository,
    JourneyRefusalsService,
  ],
})
export class GatewayModule {}
