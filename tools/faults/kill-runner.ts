import type { Connection } from '@temporalio/client';
import {
  killHard,
  platformRecovered,
  restartedByLauncher,
  startServerAgain,
} from './fault-targets';
import { type Component, isServer, type PlannedKill } from './kill-plan';

/** One kill as it happened. */
export interface KillRecord {
  component: Component;
  /** 0 when there was no live process to kill. */
  pid: number;
  /** Seconds into the run. */
  atSeconds: number;
  journeysInFlight: number;
  /** Seconds until the component and every process of the platform were ready again. */
  recoveredSeconds?: number;
  /** What went wrong: nothing to kill, the component not back, processes still not ready. */
  problem?: string;
}

export interface KillContext {
  connection: Connection;
  /** The share (0–1) of the run's commands answered so far. */
  progress: () => number;
  journeysInFlight: () => number;
  /** True once every journey has ended: the kills left are made at once. */
  journeysDone: () => boolean;
  startedAt: number;
  recoveryMs: number;
  log: (line: string) => void;
  infraLog: (text: string) => void;
}

/**
 * The launcher gives up on a process that dies more than five times a minute; kills of one
 * component are kept this far apart (other kills may crash it too: a process whose worker
 * loses Temporal exits and is started again).
 */
const SAME_COMPONENT_GAP_MS = 20_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Makes the planned kills one after another: each at its moment of the run's progress (plus
 * its delay, to land inside a step), then waits until the component is back (the launcher
 * starts a process again; a server is started again as `infra:up` does) and every process of
 * the platform is ready, before the next. A kill that cannot be recovered is recorded and the
 * plan goes on; the checks after the run judge what it left.
 */
export async function runKills(plan: PlannedKill[], ctx: KillContext): Promise<KillRecord[]> {
  const records: KillRecord[] = [];
  const lastKilledAt = new Map<Component, number>();
  for (const kill of plan) {
    while (ctx.progress() < kill.atProgress && !ctx.journeysDone()) await sleep(200);
    await sleep(kill.delayMs);
    const since = Date.now() - (lastKilledAt.get(kill.component) ?? 0);
    if (since < SAME_COMPONENT_GAP_MS) await sleep(SAME_COMPONENT_GAP_MS - since);
    records.push(await killAndRecover(kill.component, ctx));
    lastKilledAt.set(kill.component, Date.now());
  }
  return records;
}

async function killAndRecover(component: Component, ctx: KillContext): Promise<KillRecord> {
  const journeysInFlight = ctx.journeysInFlight();
  const killedAt = Date.now();
  const atSeconds = Math.round((killedAt - ctx.startedAt) / 1000);
  const pid = await killHard(component).catch((error: Error) => error);
  if (pid instanceof Error) {
    ctx.log(`kill -9 ${component} at ${atSeconds} s: ${pid.message}`);
    return { component, pid: 0, atSeconds, journeysInFlight, problem: pid.message };
  }
  ctx.log(`kill -9 ${component} (pid ${pid}) at ${atSeconds} s, ${journeysInFlight} in flight`);
  const record: KillRecord = { component, pid, atSeconds, journeysInFlight };
  try {
    if (isServer(component)) await startServerAgain(component, ctx.infraLog);
    else await restartedByLauncher(component, pid, ctx.connection, ctx.recoveryMs);
  } catch (error) {
    record.problem = `${component} not back: ${(error as Error).message}`;
  }
  const waiting = await platformRecovered(ctx.connection, ctx.recoveryMs);
  if (waiting.length)
    record.problem = [
      record.problem,
      `not ready ${Math.round(ctx.recoveryMs / 1000)} s after the kill: ${waiting.join(', ')}`,
    ]
      .filter(Boolean)
      .join('; ');
  else record.recoveredSeconds = Math.round((Date.now() - killedAt) / 100) / 10;
  ctx.log(
    record.problem
      ? `  ${component}: ${record.problem}`
      : `  ${component} and the platform ready again after ${record.recoveredSeconds} s`,
  );
  return record;
}
