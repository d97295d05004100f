import { ExceptionFilter, INestApplication, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { DomainErrorFilter } from './domain-error.filter';
import { InternalCallerGuard } from './internal-caller.guard';
import { NulCharacterGuard } from './nul-characters';
import { serveMetrics } from './metrics';
import { internalServiceToken } from './internal-credentials';
import { readServiceConfig, ServiceConfig } from './service-config';
import { ServiceConfigModule } from './service-config.module';

/** The root every app boots under: its config, then the app's own module. */
@Module({})
class ServiceRootModule {}

/**
 * Boots an app: its validated config (read here when main.ts did not pass one) injectable
 * everywhere, pino logger, the domain error filter (or the app's own extension of it, built
 * from the app's providers), the service credential on its internal API, no NUL character in
 * a request (`NulCharacterGuard`), shutdown hooks (so SIGTERM lets workers and relays drain),
 * `GET /metrics` with every request timed, and listens on loopback unless HOST says otherwise.
 */
export async function bootstrapService(
  module: Type<unknown>,
  options: {
    port: number;
    config?: ServiceConfig;
    configure?: (app: INestApplication) => void;
    exceptionFilter?: (app: INestApplication) => ExceptionFilter;
  },
): Promise<INestApplication> {
  const config = options.config ?? readServiceConfig(module.name, options.port);
  const app = await NestFactory.create(
    { module: ServiceRootModule, imports: [ServiceConfigModule.forRoot(config), module] },
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(options.exceptionFilter?.(app) ?? new DomainErrorFilter());
  app.useGlobalGuards(
    new InternalCallerGuard(internalServiceToken(config.env)),
    new NulCharacterGuard(),
  );
  app.enableShutdownHooks();
  serveMetrics(app);
  options.configure?.(app);
  await app.listen(config.port, config.host);
  app.get(Logger).log(`listening on http://${config.host}:${config.port}`);
  return app;
}
