import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { optionalTsToMs } from '@temporalio/common/lib/time';
import {
  journeyWorkflowId,
  type JourneyView,
  TEMPERATURE_READINGS_MESSAGE_TYPE,
} from '@v2v/contracts';
import type { GatewayClient } from '@v2v/testing';
import type { Composition } from './crash-checks.repository';

const ROOT = path.resolve(__dirname, '../..');

/** Journeys not at `expected` when read back through the gateway, with the stage they are at. */
export async function journeysNotAt(
  api: GatewayClient,
  donorCodes: string[],
  expected: string,
): Promise<string[]> {
  const off: string[] = [];
  for (const donorCode of donorCodes) {
    const res = await api.as<{ view?: JourneyView }>(
      'ops',
      'GET',
      `/api/journeys/${encodeURIComponent(donorCode)}`,
    );
    const stage = res.body.view?.stage;
    if (res.status !== 200 || stage !== expected)
      off.push(`${donorCode} at ${stage ?? `no view (${res.status})`}, not ${expected}`);
  }
  return off;
}

/** Kinds whose count may differ from the journey run without faults, and why. */
const MAY_DIFFER: Array<{ kind: RegExp; why: string }> = [
  {
    // The gateway seals a signature for every attempt of a signed decision (the step's payload
    // hash leaves it out, libs/messaging step-identity): a retried decision seals another.
    kind: /electronic-signature/,
    why: 'a retried signed decision seals another signature',
  },
  {
    // The gateway's outbox row of an upload has an id of its own, not the key's event id: an
    // upload retried after its answer was lost is accepted again; donor-intake stores each
    // reading once (by logger and time), so the leg hears of it once.
    kind: new RegExp(`^gateway outbox ${TEMPERATURE_READINGS_MESSAGE_TYPE.replace(/\./g, '\\.')}$`),
    why: 'a logger upload retried after its answer was lost is accepted again',
  },
];

export interface CompositionDifference {
  donorCode: string;
  kind: string;
  expected: number;
  found: number;
  /** Set where the difference is one a retry may make (MAY_DIFFER); not a failure. */
  allowed?: string;
}

/**
 * Every kind in which a journey differs from the one run without faults: more is a fact
 * doubled, fewer a fact lost (or not yet caught up).
 */
export function differencesFromControl(
  control: Composition,
  journeys: Map<string, Composition>,
): CompositionDifference[] {
  const differences: CompositionDifference[] = [];
  for (const [donorCode, composition] of journeys) {
    for (const kind of new Set([...control.keys(), ...composition.keys()])) {
      const expected = control.get(kind) ?? 0;
      const found = composition.get(kind) ?? 0;
      if (expected === found) continue;
      const allowed = MAY_DIFFER.find((m) => m.kind.test(kind))?.why;
      differences.push({ donorCode, kind, expected, found, ...(allowed ? { allowed } : {}) });
    }
  }
  return differences;
}

/**
 * `npm run verify`, as an inspector runs it: the ledger and every audit trail recomputed from
 * the database, and the ledger against the latest signed checkpoint. Its lines and verdict.
 */
export function verifyEveryChain(): Promise<{ intact: boolean; lines: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', path.join(ROOT, 'tools/platform/verify.ts')],
      { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) =>
      resolve({ intact: code === 0, lines: output.split('\n').filter((l) => l.trim()) }),
    );
  });
}

/**
 * What is stuck in Temporal for these journeys, walking each journey and its running children:
 * a workflow that failed or was terminated, a workflow task failing again and again or waiting
 * unpicked, an activity still retrying. Empty when all is moving.
 */
export async function stuckWorkflows(
  client: Client,
  donorCodes: string[],
  limits: { attempts: number; unpickedMs: number },
): Promise<string[]> {
  const stuck: string[] = [];
  const pending = donorCodes.map(journeyWorkflowId);
  const seen = new Set<string>();
  while (pending.length) {
    const workflowId = pending.pop()!;
    if (seen.has(workflowId)) continue;
    seen.add(workflowId);
    const { status, raw } = await client.workflow.getHandle(workflowId).describe();
    if (!['RUNNING', 'COMPLETED', 'CONTINUED_AS_NEW'].includes(status.name))
      stuck.push(`${workflowId}: ${status.name}`);
    const task = raw.pendingWorkflowTask;
    if (task) {
      const waitedMs = Date.now() - (optionalTsToMs(task.scheduledTime) ?? Date.now());
      if (
        (task.attempt ?? 1) > limits.attempts ||
        (!task.startedTime && waitedMs > limits.unpickedMs)
      )
        stuck.push(
          `${workflowId}: workflow task at attempt ${task.attempt}, scheduled ${Math.round(waitedMs / 1000)} s ago`,
        );
    }
    for (const activity of raw.pendingActivities ?? [])
      if ((activity.attempt ?? 1) > limits.attempts)
        stuck.push(
          `${workflowId}: activity ${activity.activityType?.name} at attempt ${activity.attempt}` +
            (activity.lastFailure?.message ? ` (${activity.lastFailure.message})` : ''),
        );
    for (const child of raw.pendingChildren ?? [])
      if (child.workflowId) pending.push(child.workflowId);
  }
  return stuck;
}
