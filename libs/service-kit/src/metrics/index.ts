export * from './metrics-registry';
export * from './http-metrics';
export * from './outbox-metrics';
export * from './consumer-lag';
