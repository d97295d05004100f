import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';
import { bundleWorkflowCode, Worker, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { bundleJourneyWorkflows } from '../../workflows/src/worker/workflow-bundle';
import { timeSkippingEnvironment } from '../../workflows/test/support/environments';

/**
 * `npm run bench:replay` (no platform needed: it starts the project's own Temporal test
 * server): issue 15's P8, the replay cost per history event of the journey's workflows, against
 * the floor measured in the same run — histories of the same lengths made by a workflow that
 * only runs no-op activities. The journey side replays every recorded history of
 * `workflows/test/histories` (journeys and their custody legs and batch records as they ran).
 * Goal ≤ 2×.
 */
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const HISTORIES = path.resolve(__dirname, '../../workflows/test/histories');
const QUEUE = 'replay-floor';

type History = temporal.api.history.v1.IHistory;
interface Recorded {
  workflowId: string;
  history: History;
}

async function main(): Promise<void> {
  const journeys = recordedHistories();
  const lengths = journeys.map((h) => h.history.events?.length ?? 0);
  const floors = await floorHistories(lengths);
  const journeyBundle = await bundleJourneyWorkflows();
  const floorBundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('./replay-floor.workflow'),
    logger: quiet,
  });
  const events = lengths.reduce((a, b) => a + b, 0);
  const floorEvents = floors.reduce((a, h) => a + (h.history.events?.length ?? 0), 0);
  console.log(
    `P8: ${journeys.length} recorded journey histories, ${events} events; floor ${floorEvents} events`,
  );
  const ratios: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const floor = (await replay(floorBundle, floors)) / floorEvents;
    const journey = (await replay(journeyBundle, journeys)) / events;
    ratios.push(journey / floor);
    console.log(
      `  round ${round}: floor ${(floor * 1000).toFixed(1)} µs/event, journey ${(journey * 1000).toFixed(1)} µs/event, ratio ${(journey / floor).toFixed(2)}×`,
    );
  }
  const sorted = [...ratios].sort((a, b) => a - b);
  console.log(
    `  P8 ratio (median of ${ROUNDS}): ${sorted[Math.floor(ROUNDS / 2)].toFixed(2)}× (goal ≤ 2×)`,
  );
}

function recordedHistories(): Recorded[] {
  return readdirSync(HISTORIES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const recorded = JSON.parse(readFileSync(path.join(HISTORIES, file), 'utf8'));
      return {
        workflowId: recorded.workflowId,
        history: historyFromJSON(recorded.history),
      };
    });
}

/** One floor history per length: start (3 events), 6 per activity, completion (1). */
async function floorHistories(lengths: number[]): Promise<Recorded[]> {
  const env = await timeSkippingEnvironment();
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue: QUEUE,
    workflowsPath: require.resolve('./replay-floor.workflow'),
    activities: { noop: async () => undefined },
  });
  try {
    return await worker.runUntil(
      Promise.all(
        lengths.map(async (length, i) => {
          const workflowId = `replay-floor-${i}`;
          const handle = await env.client.workflow.start('replayFloor', {
            workflowId,
            taskQueue: QUEUE,
            args: [Math.max(0, Math.round((length - 4) / 6))],
          });
          await handle.result();
          return { workflowId, history: await handle.fetchHistory() };
        }),
      ),
    );
  } finally {
    await env.teardown();
  }
}

/** Milliseconds to replay every history once, failing on any replay error. */
async function replay(bundle: WorkflowBundleWithSourceMap, histories: Recorded[]) {
  const started = performance.now();
  for await (const result of Worker.runReplayHistories({ workflowBundle: bundle }, histories))
    if (result.error) throw result.error;
  return performance.now() - started;
}

const quiet = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  log: () => undefined,
};

// Exits once the figures are out: twice on 2026-12-04 the time-skipping test server's process
// outlived its teardown and held the bench open after it had printed.
main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
