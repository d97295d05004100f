import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleJourneyWorkflows } from './workflow-bundle';

/** Pre-bundles the workflow code (CI and the Docker image) into dist/workflow-bundle.js. */
async function main(): Promise<void> {
  const bundle = await bundleJourneyWorkflows();
  const out = path.resolve(__dirname, '../../../dist/workflow-bundle.js');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, bundle.code);
  console.log(`workflow bundle: ${out} (${(bundle.code.length / 1024).toFixed(0)} KiB)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
