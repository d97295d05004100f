export * from './gateway-client';
export * from './journey-script';
export * from './poll';
export * from './documented-endpoints';
export * from './demo-key-materials';
export * from './demo-credentials';
export * from './demo-facility';
export * from './demo-processes';
