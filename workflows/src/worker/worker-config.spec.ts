import { WORKFLOW_TRACING_INTERCEPTORS } from '@v2v/temporal';
import { WORKFLOWS_PATH } from './workflow-bundle';
import { readWorkerConfig, workflowCodeOf } from './worker-config';

describe('journey worker config', () => {
  it('defaults to the default namespace and the source workflows', () => {
    expect(readWorkerConfig({})).toMatchObject({ namespace: 'default', bundlePath: undefined });
  });

  it('keeps the TLS variables for the connection options', () => {
    const config = readWorkerConfig({ TEMPORAL_NAMESPACE: 'v2v', TEMPORAL_TLS_CERT: '/c.pem' });
    expect(config.namespace).toBe('v2v');
    expect(config.env.TEMPORAL_TLS_CERT).toBe('/c.pem');
  });

  it('refuses an empty namespace at boot', () => {
    expect(() => readWorkerConfig({ TEMPORAL_NAMESPACE: '' })).toThrow(/TEMPORAL_NAMESPACE/);
  });

  it('refuses a metrics port that is no port number at boot', () => {
    expect(() => readWorkerConfig({ TEMPORAL_METRICS_PORT: 'metrics' })).toThrow(
      /TEMPORAL_METRICS_PORT/,
    );
  });

  it('keeps 100 workflows cached unless told otherwise, and refuses a cache of none', () => {
    expect(readWorkerConfig({}).maxCachedWorkflows).toBe(100);
    expect(readWorkerConfig({ JOURNEY_WORKER_CACHED_WORKFLOWS: '250' }).maxCachedWorkflows).toBe(
      250,
    );
    expect(() => readWorkerConfig({ JOURNEY_WORKER_CACHED_WORKFLOWS: '0' })).toThrow(
      /JOURNEY_WORKER_CACHED_WORKFLOWS/,
    );
  });

  it('runs workflow tasks on two threads unless told otherwise, and refuses none', () => {
    expect(readWorkerConfig({}).workflowThreadPoolSize).toBe(2);
    expect(readWorkerConfig({ JOURNEY_WORKER_THREADS: '1' }).workflowThreadPoolSize).toBe(1);
    expect(() => readWorkerConfig({ JOURNEY_WORKER_THREADS: '0' })).toThrow(
      /JOURNEY_WORKER_THREADS/,
    );
  });

  describe('the workflow code it runs', () => {
    const built = readWorkerConfig({
      WORKFLOW_BUNDLE_PATH: '/app/dist/workflow-bundle.js',
      WORKFLOW_TRACED_BUNDLE_PATH: '/app/dist/workflow-bundle-traced.js',
    });

    it('runs the bundle built ahead for whether it traces', () => {
      expect(workflowCodeOf(built, false)).toEqual({
        workflowBundle: { codePath: '/app/dist/workflow-bundle.js' },
      });
      expect(workflowCodeOf(built, true)).toEqual({
        workflowBundle: { codePath: '/app/dist/workflow-bundle-traced.js' },
      });
    });

    it('bundles the sources at start without a bundle, with the tracing interceptors if it traces', () => {
      expect(workflowCodeOf(readWorkerConfig({}), false)).toEqual({
        workflowsPath: WORKFLOWS_PATH,
      });
      expect(workflowCodeOf(readWorkerConfig({}), true)).toEqual({
        workflowsPath: WORKFLOWS_PATH,
        interceptors: { workflowModules: [WORKFLOW_TRACING_INTERCEPTORS] },
      });
    });

    it('never runs the untraced bundle while tracing: its workflows would drop the trace', () => {
      const untracedOnly = readWorkerConfig({
        WORKFLOW_BUNDLE_PATH: '/app/dist/workflow-bundle.js',
      });
      expect(workflowCodeOf(untracedOnly, true)).toEqual({
        workflowsPath: WORKFLOWS_PATH,
        interceptors: { workflowModules: [WORKFLOW_TRACING_INTERCEPTORS] },
      });
    });
  });
});
