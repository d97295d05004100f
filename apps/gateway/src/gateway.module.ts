import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { serviceLoggerModule } from '@v2v/service-kit';
import { AdverseReactionsModule } from './adverse-reactions/adverse-reactions.module';
import { SiteEmergenciesModule } from './site-emergencies/site-emergencies.module';
import { AuditModule } from './audit/audit.module';
import { AuthGuard } from './auth/auth.guard';
import { AuthModule } from './auth/auth.module';
import { GatewayConfig } from './config/gateway-config';
import { GatewayConfigModule } from './config/gateway-config.module';
import { DeviationsModule } from './deviations/deviations.module';
import { DonorMaterialTestsModule } from './donor-material-tests/donor-material-tests.module';
import { EnvironmentalMonitoringModule } from './environmental-monitoring/environmental-monitoring.module';
import { ExportsModule } from './exports/exports.module';
import { FacilityModule } from './facility/facility.module';
import { FhirModule } from './fhir/fhir.module';
import { TrainingGuard } from './training/training.guard';
import { TrainingModule } from './training/training.module';
import { gatewayDataSourceOptions } from './gateway.data-source';
import { HealthModule } from './health/health.module';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { InstitutionsModule } from './institutions/institutions.module';
import { JourneysModule } from './journeys/journeys.module';
import { KeyMaterialsModule } from './key-materials/key-materials.module';
import { LabelsModule } from './labels/labels.module';
import { InstructionsForUseModule } from './instructions-for-use/instructions-for-use.module';
import { ManufacturingSlotsModule } from './manufacturing-slots/manufacturing-slots.module';
import { BatchRecordModule } from './batch-record/batch-record.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrdersModule } from './orders/orders.module';
import { ProcessesModule } from './processes/processes.module';
import { QualityControlModule } from './quality-control/quality-control.module';
import { ProductionCalendarModule } from './calendar/production-calendar.module';
import { RefusalsModule } from './refusals/refusals.module';
import { SamplesModule } from './samples/samples.module';
import { SharedModule } from './shared/shared.module';
import { ShippersModule } from './shippers/shippers.module';
import { SignaturesModule } from './signatures/signatures.module';
import { SpecificationsModule } from './specifications/specifications.module';
import { TelemetryModule } from './telemetry/telemetry.module';
import { HospitalTenancyGuard } from './tenancy/hospital-tenancy.guard';
import { TenancyModule } from './tenancy/tenancy.module';
import { ReleaseGatesModule } from './release-gates/release-gates.module';
import { RecallsModule } from './recalls/recalls.module';
import { TracesModule } from './traces/traces.module';
import { UserAdministrationModule } from './user-administration/user-administration.module';

/** One module per feature (docs/architecture.md, "Gateway feature folder shape"). */
export const FEATURE_MODULES = [
  AuthModule,
  UserAdministrationModule,
  OrdersModule,
  JourneysModule,
  TracesModule,
  AuditModule,
  ExportsModule,
  SignaturesModule,
  SpecificationsModule,
  KeyMaterialsModule,
  RecallsModule,
  FacilityModule,
  ProcessesModule,
  ProductionCalendarModule,
  EnvironmentalMonitoringModule,
  TelemetryModule,
  DeviationsModule,
  DonorMaterialTestsModule,
  LabelsModule,
  InstructionsForUseModule,
  BatchRecordModule,
  ManufacturingSlotsModule,
  SamplesModule,
  QualityControlModule,
  InstitutionsModule,
  ShippersModule,
  HealthModule,
  RefusalsModule,
  ReleaseGatesModule,
  NotificationsModule,
  FhirModule,
  AdverseReactionsModule,
  SiteEmergenciesModule,
];

/**
 * The gateway: shared infrastructure (logger, database, the global guards and the
 * idempotency interceptor) and the feature modules. Built by `forRoot` with the configuration
 * main.ts read at boot.
 */
@Module({
  imports: [
    serviceLoggerModule('gateway'),
    TypeOrmModule.forRootAsync({ useFactory: gatewayDataSourceOptions }),
    SharedModule,
    TenancyModule,
    TrainingModule,
    IdempotencyModule,
    ...FEATURE_MODULES,
  ],
  providers: [
    // Order matters: authentication and role first, then tenancy, then training (PER-01).
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: HospitalTenancyGuard },
    { provide: APP_GUARD, useClass: TrainingGuard },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return { module: GatewayModule, imports: [GatewayConfigModule.forRoot(config)] };
  }
}
