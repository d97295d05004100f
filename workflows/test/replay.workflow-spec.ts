import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DeterminismViolationError } from '@temporalio/workflow';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { bundleJourneyWorkflows, EXPECTED_WORKFLOW_TYPES } from '../src/worker/workflow-bundle';

const HISTORIES = path.join(__dirname, 'histories');

function recordedHistories() {
  return readdirSync(HISTORIES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({
      name: file.replace(/\.json$/, ''),
      ...(JSON.parse(readFileSync(path.join(HISTORIES, file), 'utf8')) as {
        workflowId: string;
        history: unknown;
      }),
    }));
}

/** The tracing interceptors' span sink, which a replay never calls (no span leaves a replay). */
const TRACING_SINKS = { exporter: { export: { fn: () => undefined } } };

async function replayAll(
  workflowBundle: Awaited<ReturnType<typeof bundleWorkflowCode>>,
  sinks: Record<string, Record<string, { fn: () => void }>> = {},
) {
  const results = [];
  const histories = recordedHistories().map(({ workflowId, history }) => ({ workflowId, history }));
  for await (const result of Worker.runReplayHistories({ workflowBundle, sinks }, histories))
    results.push(result);
  return results;
}

describe('determinism guard', () => {
  it('has recorded histories of finished journeys (and a custody leg) to replay', () => {
    // happy-path, rejection-recollection-cancelled and transport-deadline-deviation were
    // recorded before donor screening and institution notices existed: journeys of that time
    // must still replay. happy-path-batch-record is the first with the batch record child
    // (patched 'batch-record-child'): the others replay the journey without it.
    // failed-batch-recollection-cancelled is the first with manufacturing slots (patched
    // 'manufacturing-slots') and a batch rejected in production.
    // release-void-rerelease is the first with the release child and the journey's release
    // gates (patched 'batch-release-child', 'batch-release-gates'): a release voided, again.
    // qc-result-after-shipment takes QC results after the shipment and the infusion, one raising
    // an emergency (QA-04; patched 'shipped-release-ended').
    // follow-up-period is the first with the follow-up period's timer (patched
    // 'follow-up-period'); bedside-mismatch-deviation records the deviation of a refused
    // bedside check (patched 'refusal-deviations') and ends the follow-up early by a death.
    // recall-notice-shipment-refused takes a recall notice and refuses the shipment (QA-04;
    // patched 'recall-notice'). site-legs-thaw-deadline-deviation opens the site storage leg
    // at the receipt, thaws, and raises the thaw-to-infusion leg's deviation (patched 'site-legs').
    // custody-leg-excursion-beyond-budget is a shipment leg's own history (not a journey's): its
    // excursion judged beyond budget raises the QA-04 emergency (patched 'excursion-budget').
    expect(recordedHistories().map((h) => h.name)).toEqual([
      'bedside-mismatch-deviation',
      'custody-leg-excursion-beyond-budget',
      'failed-batch-recollection-cancelled',
      'follow-up-period',
      'happy-path-batch-record',
      'happy-path-screened',
      'happy-path',
      'institution-suspension-hold',
      'qc-result-after-shipment',
      'quarantine-rejection-recollection-cancelled',
      'recall-notice-shipment-refused',
      'rejection-recollection-cancelled',
      'release-void-rerelease',
      'site-legs-thaw-deadline-deviation',
      'transport-deadline-deviation-screened',
      'transport-deadline-deviation',
      'transport-temperature-excursion',
    ]);
  });

  it('replays every recorded history with the current workflow code', async () => {
    const results = await replayAll(await bundleJourneyWorkflows());
    expect(results.map((r) => ({ id: r.workflowId, error: r.error }))).toEqual(
      recordedHistories().map((h) => ({ id: h.workflowId, error: undefined })),
    );
  });

  it('replays every recorded history with the tracing interceptors: tracing may be turned on for running journeys', async () => {
    const traced = await bundleJourneyWorkflows({ traced: true });
    const results = await replayAll(traced, TRACING_SINKS);
    expect(results.map((r) => ({ id: r.workflowId, error: r.error }))).toEqual(
      recordedHistories().map((h) => ({ id: h.workflowId, error: undefined })),
    );
  });

  it('fails replay with a DeterminismViolationError when the workflow logic changes without patched()', async () => {
    const changed = await bundleWorkflowCode({
      workflowsPath: path.join(__dirname, 'support/changed-workflows.ts'),
      logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} },
    });
    const results = await replayAll(changed);
    expect(results).toHaveLength(recordedHistories().length);
    for (const r of results) expect(r.error).toBeInstanceOf(DeterminismViolationError);
  });

  it('bundles without warnings and exports exactly the journey workflow types', async () => {
    const bundle = await bundleJourneyWorkflows();
    const exported = await import('../src/index');
    expect(Object.keys(exported).sort()).toEqual(EXPECTED_WORKFLOW_TYPES);
    expect(bundle.code).toContain('patientJourney');
  });

  it('bundles no zod and no contract module that builds a schema (@v2v/contracts/workflow)', async () => {
    // The worker evaluates the bundle's modules for every workflow it creates: a schema module
    // in the bundle is built again for each journey, custody leg and batch record.
    const { code } = await bundleJourneyWorkflows();
    const modules = [...code.matchAll(/^\/\*\*\*\/ "([^"]+)"$/gm)].map((m) => m[1]);
    expect(modules).toContain('./libs/contracts/src/workflow.ts');
    expect(modules.filter((m) => m.includes('/node_modules/zod/'))).toEqual([]);
    const contracts = modules.filter((m) => m.startsWith('./libs/contracts/'));
    for (const m of contracts)
      expect(`${m}: ${moduleSource(code, m)}`).not.toMatch(/\bz\.object\(|\bz\.strictObject\(/);
  });
});

/** The source of one module of a webpack development bundle, up to the next module. */
function moduleSource(code: string, module: string): string {
  const start = code.indexOf(`/***/ "${module}"`);
  const next = code.indexOf('\n/***/ "', start + 1);
  return code.slice(start, next === -1 ? undefined : next);
}
