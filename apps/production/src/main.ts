import 'reflect-metadata';
import { bootstrapService, SERVICE_PORTS } from '@v2v/service-kit';
import { ProductionModule } from './production.module';

void bootstrapService(ProductionModule, { port: SERVICE_PORTS.production });
