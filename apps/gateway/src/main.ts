import 'reflect-metadata';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { bootstrapService, SERVICE_PORTS } from '@v2v/service-kit';
import { authConfig } from './auth/auth-config';
import { AccessRefusalLog } from './auth/access-refusal.log';
import { GatewayModule } from './gateway.module';
import { RefusalRecordingFilter } from './refusals/refusal-recording.filter';

// Fails closed before anything connects: outside development and the tests, no gateway runs on
// the development JWT secret or on a short one (auth-config.ts).
authConfig();

void bootstrapService(GatewayModule, {
  port: SERVICE_PORTS.gateway,
  exceptionFilter: (app) => new RefusalRecordingFilter(app.get(AccessRefusalLog)),
  configure: (app) => {
    const config = new DocumentBuilder()
      .setTitle('vein-to-vein gateway')
      .setDescription(
        'The public API of the vein-to-vein platform: orders, journey steps, status and traces. Every refusal carries a machine-readable `code` (the GMP rule ID where a rule refused).',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build();
    SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, config), {
      jsonDocumentUrl: 'api/docs-json',
    });
  },
});
