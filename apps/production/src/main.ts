import './tracing';
import 'reflect-metadata';
import { bootstrapService, readServiceConfig, SERVICE_PORTS } from '@v2v/service-kit';
import { ProductionModule } from './production.module';

// The one place the app reads its environment: validated here, injected from here on.
const config = readServiceConfig('production', SERVICE_PORTS.production);

void bootstrapService(ProductionModule, { port: SERVICE_PORTS.production, config });
