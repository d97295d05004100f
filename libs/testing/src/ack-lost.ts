import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { NativeConnection, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { runOneActivity } from './workflows/run-one-activity.workflow';

/** One attempt of the activity as the worker ran it: what it returned, or why it failed. */
export interface ActivityAttempt {
  attempt: number;
  result?: unknown;
  error?: string;
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** The one workflow's bundle, built once per test file (bundling takes seconds). */
async function oneActivityBundle(): Promise<WorkflowBundleWithSourceMap> {
  const { bundleWorkflowCode } = await import('@temporalio/worker');
  bundle ??= bundleWorkflowCode({
    workflowsPath: require.resolve('./workflows/run-one-activity.workflow'),
  });
  return bundle;
}

/**
 * "Executed, ack lost" (issue 16, CSV-04): a service's `activity` run by a real worker on the
 * real Temporal server, through an activity interceptor whose first attempt lets the activity
 * run to completion (its transaction committed) and then fails retryably instead of reporting
 * its result, as a worker killed between its commit and its report looks to Temporal. Temporal
 * runs the activity again. Returns every attempt seen and the result the workflow finally got.
 * The worker is loaded only here, so importing @v2v/testing loads no native Temporal code.
 */
export async function runWithFirstAckLost(options: {
  connection: NativeConnection;
  client: Client;
  namespace: string;
  activities: object;
  activity: string;
  input: unknown;
}): Promise<{ attempts: ActivityAttempt[]; result: unknown }> {
  const { Worker } = await import('@temporalio/worker');
  const { ApplicationFailure } = await import('@temporalio/common');
  const taskQueue = `ack-lost-${randomUUID()}`;
  const attempts: ActivityAttempt[] = [];
  const worker = await Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue,
    activities: options.activities,
    workflowBundle: await oneActivityBundle(),
    interceptors: {
      activity: [
        (context) => ({
          inbound: {
            execute: async (input, next) => {
              const { attempt } = context.info;
              let result: unknown;
              try {
                result = await next(input);
              } catch (error) {
                attempts.push({ attempt, error: (error as Error).message });
                throw error;
              }
              attempts.push({ attempt, result });
              if (attempt === 1)
                throw ApplicationFailure.retryable(
                  'the worker died after the activity committed, before it reported (test)',
                  'AckLost',
                );
              return result;
            },
          },
        }),
      ],
    },
  });
  const result = await worker.runUntil(
    options.client.workflow.execute<typeof runOneActivity>('runOneActivity', {
      taskQueue,
      workflowId: `ack-lost-${randomUUID()}`,
      args: [{ activity: options.activity, input: options.input }],
    }),
  );
  return { attempts, result };
}
