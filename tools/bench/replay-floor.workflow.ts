import { proxyActivities } from '@temporalio/workflow';

const { noop } = proxyActivities<{ noop(): Promise<void> }>({ startToCloseTimeout: '10s' });

/**
 * P8's floor: a workflow that does nothing but run `activities` no-op activities one after the
 * other, six history events each, so its history can be made as long as a journey's.
 */
export async function replayFloor(activities: number): Promise<void> {
  for (let i = 0; i < activities; i++) await noop();
}
