import { LoggerModule, Params } from 'nestjs-pino';
import { traceLogFields } from '@v2v/tracing';
import { ServiceConfig } from './service-config';
import { envOf, OPTIONAL_SERVICE_CONFIG } from './service-config.module';

/**
 * JSON logs with pino; request logs carry the request id; secrets are redacted. While tracing is
 * on, every line written in a span carries its `trace_id` and `span_id`.
 */
export function serviceLoggerModule(service: string) {
  return LoggerModule.forRootAsync({
    inject: [OPTIONAL_SERVICE_CONFIG],
    useFactory: (config?: ServiceConfig) => loggerParams(service, envOf(config)),
  });
}

function loggerParams(service: string, env: NodeJS.ProcessEnv): Params {
  return {
    pinoHttp: {
      name: service,
      level: env.LOG_LEVEL ?? 'info',
      mixin: () => traceLogFields(),
      redact: ['req.headers.authorization', 'req.body.password', 'req.headers.cookie'],
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
      // One short line per request: no headers (tokens) and no bodies (clinical data) in logs.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      transport:
        env.LOG_PRETTY === '1'
          ? { target: 'pino-pretty', options: { singleLine: true } }
          : undefined,
    },
  };
}
