import { Module } from '@nestjs/common';
import { EventIds } from '../idempotency/event-ids';
import { DonorIntakeClient } from '../internal/donor-intake.client';
import { GmpServicesClient } from '../internal/gmp-services.client';
import { InternalServiceClient } from '../internal/internal-service.client';
import { ProductionClient } from '../internal/production.client';
import { TraceabilityClient } from '../internal/traceability.client';
import { AccessRefusalLog } from '../refusals/access-refusal.log';
import { AccessRefusalRepository } from '../refusals/access-refusal.repository';
import { Clock, SystemClock } from './clock';
import { IdGenerator, RandomIdGenerator } from './id-generator';
import { SharedTemporalConnection, TemporalConnection } from './temporal-connection';

const PROVIDERS = [
  // Ports: what is impure, injectable so services stay orchestration.
  { provide: Clock, useClass: SystemClock },
  { provide: IdGenerator, useClass: RandomIdGenerator },
  { provide: TemporalConnection, useClass: SharedTemporalConnection },
  EventIds,
  // The services' internal APIs, one typed client each.
  InternalServiceClient,
  DonorIntakeClient,
  ProductionClient,
  TraceabilityClient,
  GmpServicesClient,
  // CSV-03: every refusal on record.
  AccessRefusalRepository,
  AccessRefusalLog,
];

/** The gateway's cross-cutting providers, imported by every feature module that needs them. */
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class SharedModule {}
