import 'reflect-metadata';
import { bootstrapService, SERVICE_PORTS } from '@v2v/service-kit';
import { TraceabilityModule } from './traceability.module';

void bootstrapService(TraceabilityModule, { port: SERVICE_PORTS.traceability });
