import { proxyActivities } from '@temporalio/workflow';

/** What a test asks the worker to run: one of its activities, with this input. */
export interface OneActivity {
  activity: string;
  input: unknown;
}

/**
 * One activity called as a journey calls a step's activity, retried by Temporal after a
 * retryable failure: the workflow of the "executed, ack lost" tests (`runWithFirstAckLost`).
 */
export async function runOneActivity({ activity, input }: OneActivity): Promise<unknown> {
  const activities = proxyActivities<Record<string, (input: unknown) => Promise<unknown>>>({
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: '200 ms', backoffCoefficient: 1, maximumAttempts: 3 },
  });
  return activities[activity](input);
}
