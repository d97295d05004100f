import { ExceptionFilter, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { DomainErrorFilter } from './domain-error.filter';
import { InternalCallerGuard } from './internal-caller.guard';
import { internalServiceToken } from './internal-credentials';

/**
 * Boots an app: pino logger, the domain error filter (or the app's own extension of it, built
 * from the app's providers), the service credential on its internal API, shutdown hooks (so
 * SIGTERM lets workers and relays drain), and listens on loopback unless HOST says otherwise.
 */
export async function bootstrapService(
  module: Type<unknown>,
  options: {
    port: number;
    configure?: (app: INestApplication) => void;
    exceptionFilter?: (app: INestApplication) => ExceptionFilter;
  },
): Promise<INestApplication> {
  const app = await NestFactory.create(module, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(options.exceptionFilter?.(app) ?? new DomainErrorFilter());
  app.useGlobalGuards(new InternalCallerGuard(internalServiceToken()));
  app.enableShutdownHooks();
  options.configure?.(app);
  const port = Number(process.env.PORT ?? options.port);
  await app.listen(port, process.env.HOST ?? '127.0.0.1');
  app.get(Logger).log(`listening on http://${process.env.HOST ?? '127.0.0.1'}:${port}`);
  return app;
}
