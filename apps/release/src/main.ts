import 'reflect-metadata';
import { bootstrapService, readServiceConfig, SERVICE_PORTS } from '@v2v/service-kit';
import { ReleaseModule } from './release.module';

// The one place the app reads its environment: validated here, injected from here on.
const config = readServiceConfig('release', SERVICE_PORTS.release);

void bootstrapService(ReleaseModule, { port: SERVICE_PORTS.release, config });
