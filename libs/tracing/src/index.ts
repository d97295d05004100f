export * from './tracing-switch';
export * from './start-tracing';
export * from './trace-context';
