export * from './service-config';
export * from './logger.module';
export * from './domain-error.filter';
export * from './zod-body.pipe';
export * from './bootstrap';
export * from './background-processes';
export * from './standard-processes';
export * from './health.controller';
