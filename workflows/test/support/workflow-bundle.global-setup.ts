import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleJourneyWorkflows } from '../../src/worker/workflow-bundle';
import { JOURNEY_TEST_BUNDLE_ENV } from './workflow-bundle-file';

/**
 * Bundles the journey workflows once for the whole workflow tier: each test file bundling
 * its own spent about ten seconds of webpack per file (twelve files) on CI's two cores. Test
 * workers start after this and inherit the variable naming the file. The bundle is rebuilt
 * on every run, so a test never runs stale workflow code.
 */
export default async function bundleOnceForTheTier(): Promise<void> {
  const dir = path.resolve(__dirname, '../../../.data/test');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `journey-workflows-${process.pid}.js`);
  writeFileSync(file, (await bundleJourneyWorkflows()).code);
  process.env[JOURNEY_TEST_BUNDLE_ENV] = file;
}
