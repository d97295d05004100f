import { Provider } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AuditReader } from '@v2v/audit';
import { RefusalRecordRepository, StepRecordReader } from '@v2v/messaging';
import { AuditController } from './audit.controller';
import { HealthController } from './health.controller';
import { RefusalsController } from './refusals.controller';
import { serviceLoggerModule } from './logger.module';
import { StepRecordsController } from './step-records.controller';

/** What every service keeping GMP records imports: logging, its data source, health checks. */
export function gmpServiceImports(service: string, dataSourceOptions: () => DataSourceOptions) {
  return [
    serviceLoggerModule(service),
    TypeOrmModule.forRootAsync({ useFactory: dataSourceOptions }),
    TerminusModule,
  ];
}

/**
 * Its read-only internal API: audit trail, step records (for signature checks), refused
 * steps, health.
 */
export const GMP_SERVICE_CONTROLLERS = [
  AuditController,
  StepRecordsController,
  RefusalsController,
  HealthController,
];

/**
 * The readers behind those controllers, bound to the service's own schema, and the refusal
 * record its activity worker writes to.
 */
export function gmpServiceProviders(service: string, schema: string): Provider[] {
  return [
    {
      provide: StepRecordReader,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new StepRecordReader(ds, schema),
    },
    {
      provide: AuditReader,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new AuditReader(ds, schema, service),
    },
    {
      provide: RefusalRecordRepository,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new RefusalRecordRepository(ds, schema, service),
    },
  ];
}
