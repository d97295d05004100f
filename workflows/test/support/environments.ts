import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client, WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DonorCodeKey, InstitutionIdKey, JourneyStageKey, ProductCodeKey } from '@v2v/contracts';

const INFRA = path.resolve(__dirname, '../../../tools/infra');

/** Provisions (cached) and returns the path of one of the project's own server binaries. */
function provisioned(script: string): string {
  return execFileSync('bash', [path.join(INFRA, script)], { encoding: 'utf8' }).trim();
}

/** Temporal's Java time-skipping test server from tools/infra: no SDK download. */
export async function timeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: {
      executable: { type: 'existing-path', path: provisioned('provision-test-server.sh') },
    },
  });
  // The test server starts without custom search attributes; register the journey's.
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(
      [DonorCodeKey, InstitutionIdKey, JourneyStageKey, ProductCodeKey].map((k) => [
        k.name,
        temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
      ]),
    ),
  });
  return env;
}

/** An ephemeral Temporal CLI dev server (the project's own binary) with our search attributes. */
export function devServerEnvironment(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: provisioned('provision-temporal-cli.sh') },
      searchAttributes: [DonorCodeKey, InstitutionIdKey, JourneyStageKey, ProductCodeKey],
      extraArgs: ['--log-level', 'error'],
    },
  });
}

/**
 * A child workflow's result, awaited without skipping time. The time-skipping client lets the
 * test server jump to the next timer while it waits for a result; when the child has not
 * quite closed and its parent journey stays open, that timer is the journey's execution
 * timeout (ten years on the test server), and the journey times out under the test: its next
 * step then answers "update … not found" (the failed-batch flake CI met).
 */
export function childResult<T>(env: TestWorkflowEnvironment, child: WorkflowHandle): Promise<T> {
  const client = new Client({ connection: env.connection, namespace: env.namespace });
  return client.workflow.getHandle(child.workflowId).result();
}
