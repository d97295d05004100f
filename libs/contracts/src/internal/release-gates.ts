import { defineQuery, defineSignal } from '@temporalio/workflow';

/*
 * The batch release's gates (QA-01, QA-02, PRD-05) as one shared contract: each owning service
 * answers for the gates whose records it holds, the release child workflow gathers them, the
 * journey asks them again before the qualified person's release is recorded and before shipment,
 * and the gateway shows them.
 */

/**
 * One gate of the release, by the item of the rule it checks:
 * - `QA-02.1` every release-gating QC result within specification, or its OOS closed with an
 *   approved outcome (release service);
 * - `QA-02.2` the batch record complete and reviewed, the review still valid (production);
 * - `QA-02.3` every deviation of the journey closed: transport (donor-intake), production and
 *   environmental monitoring (production);
 * - `QA-02.4` the chain of identity: donor material code = batch code = every product label =
 *   the patient's order, and the journey's ledger chain intact;
 * - `QA-02.5` an impact assessment where donor material went into production before its tests
 *   completed;
 * - `QA-01` retention samples recorded or their exceptions decided (release service);
 * - `PRD-05` no EM contamination hold on the batch (production).
 */
export const RELEASE_GATE_ITEMS = [
  'QA-02.1',
  'QA-02.2',
  'QA-02.3',
  'QA-02.4',
  'QA-02.5',
  'QA-01',
  'PRD-05',
] as const;
export type ReleaseGateItem = (typeof RELEASE_GATE_ITEMS)[number];

/**
 * `settled`: the gate lets the release through; `open`: not yet (something still to do);
 * `blocked`: never for this batch (an OOS confirmed, a broken chain); `not-applicable`: the
 * rule's case does not arise (e.g. no material used before its tests completed).
 */
export type ReleaseGateStatus = 'settled' | 'open' | 'blocked' | 'not-applicable';

export interface ReleaseGate {
  item: ReleaseGateItem;
  /** The owning service that answered for the gate. */
  answeredBy: 'donor-intake' | 'production' | 'release' | 'traceability';
  status: ReleaseGateStatus;
  /** What settles it, or what is still open, in a sentence a QA user reads. */
  detail: string;
  /** Ids of what is open (deviation ids, test codes, investigation ids), for the console. */
  openRecords: string[];
  /**
   * SHA-256 of the content this gate was judged on (the QC results, the review's record hash,
   * the deviation closures...): a release signed over these is void once one of them changes.
   */
  contentHash: string;
}

/** A QC test that may follow the release (conditional release), with no result yet. */
export interface ResultToFollow {
  testCode: string;
  /** Due by (ISO date) from the test plan's `resultDueDays` after the batch's completion. */
  dueOn: string | null;
}

/** Every gate of one batch's release, as evaluated at one moment. */
export interface ReleaseGateStanding {
  donorCode: string;
  batchNumber: string;
  gates: ReleaseGate[];
  /** True only when every gate is `settled` or `not-applicable`. */
  releasable: boolean;
  /** Results still to come: a release now is conditional on them. */
  resultsToFollow: ResultToFollow[];
  /**
   * SHA-256 over the gates' content hashes in item order: what a release covers. Set by the
   * release service when it records the release (the workflow sandbox has no node crypto); the
   * workflows compare gates by their `contentHash` strings instead.
   */
  coveredHash?: string;
  evaluatedAt: string;
}

/** What the release child tells the journey after each evaluation: the view's release gates. */
export interface ReleaseGatesSummary {
  batchNumber: string;
  releasable: boolean;
  /** Each gate not settled, as `<item> <detail>` (e.g. `QA-02.3 deviation D-1 open`). */
  openItems: string[];
  evaluatedAt: string;
  /** Set when the recorded release was void (CSV-02): why. */
  voidReason?: string;
}

/** What each service's gate activity is asked. */
export interface ReleaseGateQuery {
  donorCode: string;
  batchNumber: string;
  journeyId: string;
}

/** The release child workflow of a batch: `release-<batch number>`. */
export const batchReleaseWorkflowId = (batchNumber: string) => `release-${batchNumber}`;

/** The last evaluation of the gates held by the release child. */
export const releaseGatesQuery = defineQuery<ReleaseGateStanding | null>('releaseGates');

/** The release child's evaluation, for the journey's view. */
export const releaseGatesSummarySignal = defineSignal<[ReleaseGatesSummary]>('releaseGatesSummary');

/**
 * The journey recorded the qualified person's release over `covered` (the standing its own
 * evaluation found): from now on the release child compares every evaluation with it.
 */
export const batchReleasedSignal =
  defineSignal<[{ covered: ReleaseGateStanding }]>('batchReleased');

/** The product shipped: the release child has nothing left to guard and ends. */
export const productShippedSignal = defineSignal<[{ shippedAt: string }]>('productShipped');

/** The release child found the recorded release void and recorded the voiding (CSV-02). */
export const releaseVoidedSignal =
  defineSignal<[{ reason: string; changed: ReleaseGateItem[] }]>('releaseVoided');

/**
 * Something a gate covers may have changed (a QC result, an OOS outcome, a review, a sample, a
 * deviation closure): the release child evaluates its gates again.
 */
export const releaseGatesChangedSignal = defineSignal<[{ reason: string }]>('releaseGatesChanged');
