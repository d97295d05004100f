import { startTracing } from '@v2v/tracing';

// The journey worker's first import: when tracing is on, the SDK starts before anything loads.
startTracing('journey-worker');
