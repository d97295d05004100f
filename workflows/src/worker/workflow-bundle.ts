import path from 'node:path';
import { bundleWorkflowCode, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { WORKFLOW_TRACING_INTERCEPTORS } from '@v2v/temporal';

export const WORKFLOWS_PATH = path.resolve(__dirname, '..', 'index.ts');
export const EXPECTED_WORKFLOW_TYPES = [
  'batchRecord',
  'batchRelease',
  'custodyLeg',
  'patientJourney',
];

/**
 * Bundles the workflow code and refuses a bundle with any bundler warning: a warning is
 * usually a Node module leaking into the deterministic sandbox. `traced`: with Temporal's
 * OpenTelemetry workflow interceptors, for a worker that traces.
 */
export async function bundleJourneyWorkflows(
  options: { traced?: boolean } = {},
): Promise<WorkflowBundleWithSourceMap> {
  const warnings: string[] = [];
  const bundle = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    workflowInterceptorModules: options.traced ? [WORKFLOW_TRACING_INTERCEPTORS] : [],
    logger: {
      trace: () => undefined,
      debug: () => undefined,
      info: () => undefined,
      warn: (message) => warnings.push(message),
      error: (message) => warnings.push(message),
      log: () => undefined,
    },
  });
  if (warnings.length > 0) {
    throw new Error(`workflow bundle has warnings:\n${warnings.join('\n')}`);
  }
  return bundle;
}
