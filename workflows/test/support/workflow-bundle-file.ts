import { readFileSync } from 'node:fs';
import type { WorkflowBundle } from '@temporalio/worker';

/** Names the file holding the workflow tier's journey bundle, set by its global setup. */
export const JOURNEY_TEST_BUNDLE_ENV = 'JOURNEY_TEST_BUNDLE';

/** The journey workflows' bundle the workflow tier's global setup built. */
export function journeyTestBundle(): WorkflowBundle {
  const file = process.env[JOURNEY_TEST_BUNDLE_ENV];
  if (!file)
    throw new Error(`${JOURNEY_TEST_BUNDLE_ENV} is unset: run the workflow tier's jest project`);
  return { code: readFileSync(file, 'utf8') };
}
