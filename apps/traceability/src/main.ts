import './tracing';
import 'reflect-metadata';
import { bootstrapService, readServiceConfig, SERVICE_PORTS } from '@v2v/service-kit';
import { TraceabilityModule } from './traceability.module';

// The one place the app reads its environment: validated here, injected from here on.
const config = readServiceConfig('traceability', SERVICE_PORTS.traceability);

void bootstrapService(TraceabilityModule, { port: SERVICE_PORTS.traceability, config });
