import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { runWithFirstAckLost } from '@v2v/testing';
import { timeSkippingEnvironment } from './support/environments';

/**
 * The "executed, ack lost" harness the services' integration tests use (issue 16), on the
 * time-skipping test server with an activity that counts its runs: the first attempt runs to
 * completion, its report is lost, and Temporal runs the activity again.
 */
let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await timeSkippingEnvironment();
});
afterAll(() => env?.teardown());

describe('runWithFirstAckLost', () => {
  it('runs the activity twice: the first to completion, its report lost; the workflow gets the second', async () => {
    const runs: string[] = [];
    const { attempts, result } = await runWithFirstAckLost({
      connection: env.nativeConnection,
      client: env.client,
      namespace: env.namespace ?? 'default',
      activities: {
        record: async (input: { id: string }) => {
          runs.push(input.id);
          return { recordId: input.id, run: runs.length };
        },
      },
      activity: 'record',
      input: { id: 'R-1' },
    });
    expect(runs).toEqual(['R-1', 'R-1']);
    expect(attempts).toEqual([
      { attempt: 1, result: { recordId: 'R-1', run: 1 } },
      { attempt: 2, result: { recordId: 'R-1', run: 2 } },
    ]);
    expect(result).toEqual({ recordId: 'R-1', run: 2 });
  });

  it('passes a refusal of the first attempt through to the workflow, not retried', async () => {
    let runs = 0;
    const { ApplicationFailure } = await import('@temporalio/common');
    const outcome = await runWithFirstAckLost({
      connection: env.nativeConnection,
      client: env.client,
      namespace: env.namespace ?? 'default',
      activities: {
        refuse: async () => {
          runs += 1;
          throw ApplicationFailure.nonRetryable('refused by its rule', 'RULE');
        },
      },
      activity: 'refuse',
      input: {},
    }).catch((error: Error) => error);
    expect(outcome).toMatchObject({ cause: { cause: { message: 'refused by its rule' } } });
    expect(runs).toBe(1);
  });
});
