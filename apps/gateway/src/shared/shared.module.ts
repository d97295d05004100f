import { Module } from '@nestjs/common';
import { ServicePortsModule } from '@v2v/service-kit';
import { EventIds } from '../idempotency/event-ids';
import { DonorIntakeClient } from '../internal/donor-intake.client';
import { GmpServicesClient } from '../internal/gmp-services.client';
import { InternalServiceClient } from '../internal/internal-service.client';
import { ProductionClient } from '../internal/production.client';
import { TraceabilityClient } from '../internal/traceability.client';
import { AccessRefusalLog } from '../refusals/access-refusal.log';
import { AccessRefusalRepository } from '../refusals/access-refusal.repository';

const PROVIDERS = [
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

/**
 * The gateway's cross-cutting providers, imported by every feature module that needs them;
 * the impure ports (clock, ids, Temporal) are the services' own, from libs/service-kit.
 */
@Module({ imports: [ServicePortsModule], providers: PROVIDERS, exports: PROVIDERS })
export class SharedModule {}
