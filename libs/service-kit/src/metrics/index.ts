export * from './metrics-registry';
export * from './http-metrics';
export * from './outbox-metrics';
