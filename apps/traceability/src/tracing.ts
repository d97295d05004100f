import { startTracing } from '@v2v/tracing';

// main.ts's first import: when tracing is on, the SDK starts before http and pg load.
startTracing('traceability');
