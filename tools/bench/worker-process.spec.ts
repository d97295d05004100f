import { DEFAULT_CACHED_WORKFLOWS } from '../../workflows/src/worker/worker-config';
import { parseProcStatus, workerSettings } from './worker-process';

describe("the journey worker's memory and settings as Linux shows them (P7)", () => {
  it('reads the resident set, its peak and the thread count from /proc/<pid>/status', () => {
    const status = [
      'Name:\tnode',
      'VmPeak:\t 12345678 kB',
      'VmHWM:\t  734208 kB',
      'VmRSS:\t  612352 kB',
      'RssAnon:\t  500000 kB',
      'Threads:\t17',
    ].join('\n');
    expect(parseProcStatus(status)).toEqual({
      rssKiB: 612_352,
      peakRssKiB: 734_208,
      threads: 17,
    });
    expect(() => parseProcStatus('Name:\tnode\n')).toThrow(/no VmRSS/);
  });

  it('reads the cache size and heap limit the worker was started with', () => {
    const environ = ['PATH=/usr/bin', 'JOURNEY_WORKER_CACHED_WORKFLOWS=1000', 'A=b=c', ''].join(
      '\0',
    );
    const cmdline = [
      '/usr/bin/node',
      '--max-old-space-size=512',
      '-r',
      '@swc-node/register',
      'workflows/src/worker/main.ts',
      '',
    ].join('\0');
    expect(workerSettings(environ, cmdline)).toEqual({ cachedWorkflows: 1000, heapLimitMb: 512 });
    expect(workerSettings('PATH=/usr/bin\0', '/usr/bin/node\0main.ts\0')).toEqual({
      cachedWorkflows: DEFAULT_CACHED_WORKFLOWS,
    });
  });
});
