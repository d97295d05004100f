import { LoggerModule } from 'nestjs-pino';

/** JSON logs with pino; request logs carry the request id; secrets are redacted. */
export function serviceLoggerModule(service: string) {
  return LoggerModule.forRoot({
    pinoHttp: {
      name: service,
      level: process.env.LOG_LEVEL ?? 'info',
      redact: ['req.headers.authorization', 'req.body.password', 'req.headers.cookie'],
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
      transport:
        process.env.LOG_PRETTY === '1'
          ? { target: 'pino-pretty', options: { singleLine: true } }
          : undefined,
    },
  });
}
