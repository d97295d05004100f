import './tracing';
import 'reflect-metadata';
import { RETENTION_EXCEPTION_BODY_LIMIT } from '@v2v/contracts';
import {
  acceptLargeJsonBodies,
  bootstrapService,
  readServiceConfig,
  SERVICE_PORTS,
} from '@v2v/service-kit';
import { ReleaseModule } from './release.module';

// The one place the app reads its environment: validated here, injected from here on.
const config = readServiceConfig('release', SERVICE_PORTS.release);

void bootstrapService(ReleaseModule, {
  port: SERVICE_PORTS.release,
  config,
  // QA-01: a retention exception carries its label photo (check and decision).
  configure: (app) =>
    acceptLargeJsonBodies(app, '/internal/retention-exceptions', RETENTION_EXCEPTION_BODY_LIMIT),
});
