export * from './temporal-config';
export * from './temporal-client';
export * from './activity-worker';
export * from './domain-failure';
export * from './temporal-tls';
export * from './step-update';
export * from './temporal-metrics';
export * from './temporal-tracing';
