import { LoggerModule } from 'nestjs-pino';

/** JSON logs with pino; request logs carry the request id; secrets are redacted. */
export function serviceLoggerModule(service: string) {
  return LoggerModule.forRoot({
    pinoHttp: {
      name: service,
      level: process.env.LOG_LEVEL ?? 'info',
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
        process.env.LOG_PRETTY === '1'
          ? { target: 'pino-pretty', options: { singleLine: true } }
          : undefined,
    },
  });
}
