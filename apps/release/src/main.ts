import 'reflect-metadata';
import { bootstrapService, SERVICE_PORTS } from '@v2v/service-kit';
import { ReleaseModule } from './release.module';

void bootstrapService(ReleaseModule, { port: SERVICE_PORTS.release });
