import { readFileSync } from 'node:fs';
import { DEFAULT_CACHED_WORKFLOWS } from '../../workflows/src/worker/worker-config';
import { pidFile } from '../platform/platform-processes';

/** A process's memory as Linux counts it: every thread's (Temporal's workflow threads too). */
export interface ProcessMemory {
  /** Resident set now (VmRSS). */
  rssKiB: number;
  /** The highest resident set so far (VmHWM). */
  peakRssKiB: number;
  threads: number;
}

/** What the journey worker was started with, as it read it. */
export interface WorkerSettings {
  cachedWorkflows: number;
  /** V8's old-space limit (`--max-old-space-size`), if the launcher gave one. */
  heapLimitMb?: number;
}

/** VmRSS, VmHWM and Threads from the text of /proc/<pid>/status. */
export function parseProcStatus(text: string): ProcessMemory {
  const field = (name: string) => {
    const match = new RegExp(`^${name}:\\s+([0-9]+)`, 'm').exec(text);
    if (!match) throw new Error(`/proc status has no ${name}`);
    return Number(match[1]);
  };
  return { rssKiB: field('VmRSS'), peakRssKiB: field('VmHWM'), threads: field('Threads') };
}

/**
 * The worker's cache size and heap limit from its /proc environ and cmdline (NUL-separated):
 * the environment it was started with, not the bench's.
 */
export function workerSettings(environ: string, cmdline: string): WorkerSettings {
  const variables = new Map(
    environ
      .split('\0')
      .filter((entry) => entry.includes('='))
      .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
  );
  const cached = variables.get('JOURNEY_WORKER_CACHED_WORKFLOWS');
  const heap = cmdline
    .split('\0')
    .map((arg) => /^--max-old-space-size=([0-9]+)$/.exec(arg)?.[1])
    .find((value) => value !== undefined);
  return {
    cachedWorkflows: cached ? Number(cached) : DEFAULT_CACHED_WORKFLOWS,
    ...(heap ? { heapLimitMb: Number(heap) } : {}),
  };
}

/**
 * The journey worker `npm start` runs, found by the pid file its launcher keeps
 * (tools/platform/platform-processes.ts). The launcher restarts a worker that dies, with a new
 * pid: `pid()` reads the file again each time so that a restart shows.
 */
export class JourneyWorkerProcess {
  pid(): number {
    const file = pidFile('journey-worker');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new Error(
        `no journey worker pid file at ${file}: is the platform running (npm start)?`,
      );
    }
    const pid = Number(text.trim());
    if (!Number.isInteger(pid) || pid <= 0) throw new Error(`${file} holds no pid`);
    return pid;
  }

  memory(pid: number): ProcessMemory {
    return parseProcStatus(readFileSync(`/proc/${pid}/status`, 'utf8'));
  }

  settings(pid: number): WorkerSettings {
    return workerSettings(
      readFileSync(`/proc/${pid}/environ`, 'utf8'),
      readFileSync(`/proc/${pid}/cmdline`, 'utf8'),
    );
  }
}
