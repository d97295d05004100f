import './tracing';
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { RETENTION_EXCEPTION_BODY_LIMIT } from '@v2v/contracts';
import { acceptJsonMediaType, acceptLargeJsonBodies, bootstrapService } from '@v2v/service-kit';
import { GatewayConfig } from './config/gateway-config';
import { FHIR_JSON } from './fhir/fhir-bundle';
import { GatewayModule } from './gateway.module';
import { AccessRefusalLog } from './refusals/access-refusal.log';
import { RefusalRecordingFilter } from './refusals/refusal-recording.filter';

// Read once, and fails closed before anything connects: outside development and the tests, no
// gateway runs on a development JWT secret, service token or seal key (gateway-config.ts).
const config = GatewayConfig.fromEnv(process.env);

@Module({ imports: [GatewayModule.forRoot(config)] })
class GatewayApp {}

void bootstrapService(GatewayApp, {
  port: config.port,
  exceptionFilter: (app) => new RefusalRecordingFilter(app.get(AccessRefusalLog)),
  configure: (app) => {
    // QA-01: a retention exception carries its label photo; no other route takes a large body.
    acceptLargeJsonBodies(
      app,
      '/api/journeys/:donorCode/retention-exceptions',
      RETENTION_EXCEPTION_BODY_LIMIT,
    );
    // TRC-04: an EHR posts its FHIR resources as application/fhir+json.
    acceptJsonMediaType(app, '/fhir/r4', FHIR_JSON);
    const document = new DocumentBuilder()
      .setTitle('vein-to-vein gateway')
      .setDescription(
        'The public API of the vein-to-vein platform: orders, journey steps, status and traces. Every refusal carries a machine-readable `code` (the GMP rule ID where a rule refused).',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build();
    SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, document), {
      jsonDocumentUrl: 'api/docs-json',
    });
  },
});
