import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleJourneyWorkflows } from './workflow-bundle';

const DIST = path.resolve(__dirname, '../../../dist');

/**
 * Pre-bundles the workflow code (CI and the Docker image) into dist/workflow-bundle.js, and the
 * same with the tracing interceptors into dist/workflow-bundle-traced.js: the worker never
 * bundles at start-up, whether tracing is off (WORKFLOW_BUNDLE_PATH) or on
 * (WORKFLOW_TRACED_BUNDLE_PATH).
 */
async function main(): Promise<void> {
  for (const [file, traced] of [
    ['workflow-bundle.js', false],
    ['workflow-bundle-traced.js', true],
  ] as const) {
    const bundle = await bundleJourneyWorkflows({ traced });
    const out = path.join(DIST, file);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, bundle.code);
    console.log(`workflow bundle: ${out} (${(bundle.code.length / 1024).toFixed(0)} KiB)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
