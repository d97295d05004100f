import { WorkflowHandle, WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';

/** How often a lost update is sent again before the error reaches the caller. */
export const LOST_UPDATE_RESENDS = 3;

/**
 * Executes an update whose id is the command's event id. The server can drop an update it had
 * not yet accepted (its workflow task failed or timed out, a worker restarted) and then answers
 * "update <id> not found" although the workflow runs. The journey and the batch record apply a
 * command once per event id, so sending the same id again is safe and is what makes the step
 * happen; any other error, and a workflow that is really gone, propagate unchanged.
 */
export async function executeStepUpdate<Ret, Args extends [unknown]>(
  handle: WorkflowHandle,
  definition: UpdateDefinition<Ret, Args>,
  args: Args,
  updateId: string,
): Promise<Ret> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await handle.executeUpdate(definition, { args, updateId });
    } catch (error) {
      if (attempt >= LOST_UPDATE_RESENDS || !isLostUpdate(error, updateId)) throw error;
    }
  }
}

export function isLostUpdate(error: unknown, updateId: string): boolean {
  return (
    error instanceof WorkflowNotFoundError && error.message.includes(`update ${updateId} not found`)
  );
}
