import { Provider } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AuditReader } from '@v2v/audit';
import {
  RefusalRecordRepository,
  SetAsideMessageRepository,
  StepRecordReader,
} from '@v2v/messaging';
import { SignatureRecorder, signatureSealPublicKey } from '@v2v/signatures';
import { AuditController } from './audit.controller';
import { HealthController } from './health.controller';
import { RefusalsController } from './refusals.controller';
import { SetAsideMessagesController } from './set-aside-messages.controller';
import { serviceLoggerModule } from './logger.module';
import { JourneySignaturesController } from './journey-signatures.controller';
import { JourneySignatures, SignatureVoidings } from './journey-signatures';
import { StepRecordsController } from './step-records.controller';
import { ServicePortsModule } from './ports';
import { ServiceConfig } from './service-config';
import { envOf, OPTIONAL_SERVICE_CONFIG } from './service-config.module';

/**
 * What every service keeping GMP records imports: logging, its data source, health checks and
 * the impure ports (clock, id generator, Temporal client) its use cases inject.
 */
export function gmpServiceImports(
  service: string,
  dataSourceOptions: (env: NodeJS.ProcessEnv) => DataSourceOptions,
) {
  return [
    serviceLoggerModule(service),
    TypeOrmModule.forRootAsync({
      inject: [OPTIONAL_SERVICE_CONFIG],
      useFactory: (config?: ServiceConfig) => dataSourceOptions(envOf(config)),
    }),
    TerminusModule,
    ServicePortsModule,
  ];
}

/**
 * Its read-only internal API: audit trail, step records and signatures, refused steps, messages
 * set aside, health.
 */
export const GMP_SERVICE_CONTROLLERS = [
  AuditController,
  StepRecordsController,
  JourneySignaturesController,
  RefusalsController,
  SetAsideMessagesController,
  HealthController,
];

/**
 * The readers behind those controllers, bound to the service's own schema, the refusal record
 * its activity worker writes to, and the recorder that checks and keeps the signatures of its
 * decisions (its key is read here, at boot, so a service without a valid key does not start).
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
      provide: JourneySignatures,
      inject: [DataSource, StepRecordReader, { token: SignatureVoidings, optional: true }],
      useFactory: (ds: DataSource, records: StepRecordReader, voidings?: SignatureVoidings) =>
        new JourneySignatures(ds, schema, records, voidings),
    },
    {
      provide: RefusalRecordRepository,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new RefusalRecordRepository(ds, schema, service),
    },
    setAsideMessagesProvider(schema),
    signatureRecorderProvider(schema),
  ];
}

/** The signature recorder of a schema, for a feature module of its own (e.g. key materials). */
export function signatureRecorderProvider(schema: string): Provider {
  return {
    provide: SignatureRecorder,
    inject: [OPTIONAL_SERVICE_CONFIG],
    useFactory: (config?: ServiceConfig) =>
      new SignatureRecorder(schema, signatureSealPublicKey(envOf(config))),
  };
}

/** The repository behind the listing and the health check, bound to the service's schema. */
export function setAsideMessagesProvider(schema: string): Provider {
  return {
    provide: SetAsideMessageRepository,
    inject: [DataSource],
    useFactory: (ds: DataSource) => new SetAsideMessageRepository(ds, schema),
  };
}
