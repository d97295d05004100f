import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

/**
 * With RECORD_HISTORIES=1 a test writes its finished journey's history next to the replay
 * test (workflows/test/histories); see workflows/README.md for when to re-record.
 */
export async function recordHistory(name: string, handle: WorkflowHandle): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const history = JSON.parse(historyToJSON(await handle.fetchHistory()));
  // The history itself does not carry the workflow id, and replay needs the real one.
  const recorded = { workflowId: handle.workflowId, history };
  writeFileSync(
    path.join(__dirname, '..', 'histories', `${name}.json`),
    `${JSON.stringify(recorded, null, 1)}\n`,
  );
}
