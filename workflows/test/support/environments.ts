import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DonorCodeKey, InstitutionIdKey, JourneyStageKey, ProductCodeKey } from '@v2v/contracts';

const INFRA = path.resolve(__dirname, '../../../tools/infra');

/** Provisions (cached) and returns the path of one of the project's own server binaries. */
function provisioned(script: string): string {
  return execFileSync('bash', [path.join(INFRA, script)], { encoding: 'utf8' }).trim();
}

/** Temporal's Java time-skipping test server from tools/infra: no SDK download. */
export function timeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: provisioned('provision-test-server.sh') } },
  });
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
