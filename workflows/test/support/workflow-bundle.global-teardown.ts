import { rmSync } from 'node:fs';
import { JOURNEY_TEST_BUNDLE_ENV } from './workflow-bundle-file';

/** Removes the tier's bundle (workflow-bundle.global-setup.ts). */
export default function removeTheTierBundle(): void {
  const file = process.env[JOURNEY_TEST_BUNDLE_ENV];
  if (file) rmSync(file, { force: true });
}
