/**
 * What each role sees in the console, as docs/roles.md declares the endpoints; the gateway
 * still refuses anything else (403 FORBIDDEN_ROLE), the console only hides what would fail.
 */
import type { operations } from './api/gateway-api';

export type Stage = NonNullable<
  operations['JourneysController_list']['parameters']['query']
>['stage'];

/** The stages the gateway's OpenAPI enumerates; the types below refuse a missing one. */
export const JOURNEY_STAGES = [
  'ordered',
  'donor-screened',
  'collection-scheduled',
  'collected',
  'in-transit-to-factory',
  'received',
  'material-quarantined',
  'material-released',
  'material-rejected',
  'in-production',
  'batch-rejected',
  'qc',
  'release-review',
  'released',
  'shipped',
  'received-at-site',
  'infused',
  'follow-up',
  'closed',
  'cancelled',
] as const satisfies readonly Stage[];
const everyStage: Exclude<Stage, (typeof JOURNEY_STAGES)[number] | undefined> extends never
  ? true
  : false = true;
void everyStage;

const LISTS_JOURNEYS = ['scheduler', 'production-manager', 'ops', 'qa-qp', 'hospital'];
const VERIFIES_LEDGER = ['ops', 'qa-qp'];

export const mayListJourneys = (role: string) => LISTS_JOURNEYS.includes(role);
export const mayOrder = (role: string) => role === 'scheduler';
export const mayVerifyLedger = (role: string) => VERIFIES_LEDGER.includes(role);
/** The qualified person decides on donor material once the factory has received it. */
export const mayReleaseMaterial = (role: string, stage: string) =>
  role === 'qa-qp' && (stage === 'received' || stage === 'material-quarantined');

/** The institution records its own patients' steps up to the hand-over (docs/roles.md). */
export const mayRecordHospitalSteps = (role: string) => role === 'hospital';
/** The factory's operator inspects donor material on receipt (recordMaterialReceipt). */
export const mayInspectReceipt = (role: string, stage: string) =>
  role === 'operator' && stage === 'in-transit-to-factory';
/** The operator ships the released product to the site (shipToSite). */
export const mayShipToSite = (role: string, stage: string) =>
  role === 'operator' && stage === 'released';
const READS_BATCH_RECORD = ['operator', 'production-manager', 'qc', 'qa-qp', 'ops'];
export const mayReadBatchRecord = (role: string) => READS_BATCH_RECORD.includes(role);
/** The operator starts production on the released donor material's label (startProduction). */
export const mayStartProduction = (role: string, stage: string) =>
  role === 'operator' && stage === 'material-released';
/** Only the operator starts and completes batch steps. */
export const mayRunBatchSteps = (role: string) => role === 'operator';
/** The production manager books the batch's steps in the production calendar (PRD-04). */
export const mayBookBatchSteps = (role: string) => role === 'production-manager';

/** Manufacturing slots (docs/roles.md): a journey's slots and the capacity calendar. */
const READS_SLOTS = ['scheduler', 'hospital', 'operator', 'production-manager', 'qa-qp', 'ops'];
const READS_CAPACITY = ['scheduler', 'production-manager', 'ops'];
/** A first collection, or a recollection after a rejected unit or batch. */
const SCHEDULES_COLLECTION = ['donor-screened', 'material-rejected', 'batch-rejected'];
export const mayReadSlots = (role: string) => READS_SLOTS.includes(role);
export const mayReadCapacity = (role: string) => READS_CAPACITY.includes(role);
export const mayScheduleCollection = (role: string, stage: string) =>
  role === 'scheduler' && SCHEDULES_COLLECTION.includes(stage);
export const mayPostponeCollection = (role: string, stage: string) =>
  role === 'scheduler' && stage === 'collection-scheduled';

/** QC and release (issue 12, docs/roles.md): the gates, the QC results, the investigations. */
const READS_RELEASE_GATES = ['qa-qp', 'qc', 'ops', 'production-manager'];
const READS_QC_RESULTS = ['qc', 'qa-qp', 'ops', 'hospital'];
const READS_INVESTIGATIONS = ['qc', 'qa-qp', 'ops'];
export const mayReadReleaseGates = (role: string) => READS_RELEASE_GATES.includes(role);
export const mayReadQcResults = (role: string) => READS_QC_RESULTS.includes(role);
export const mayReadInvestigations = (role: string) => READS_INVESTIGATIONS.includes(role);
/** QC records results from the batch's completion to the follow-up (recordQcResult). */
export const mayRecordQcResults = (role: string, stage: string) =>
  role === 'qc' && QC_RESULT_STAGES.includes(stage);
/**
 * Where `recordQcResult` is taken (JOURNEY_STEPS in libs/contracts): in QC and release review,
 * and after a conditional release the results it left to follow (QA-02.1, QA-04).
 */
const QC_RESULT_STAGES = [
  'qc',
  'release-review',
  'released',
  'shipped',
  'received-at-site',
  'infused',
  'follow-up',
];
/** The qualified person releases the batch in release review (releaseBatch), once releasable. */
export const mayReleaseBatch = (role: string, stage: string) =>
  role === 'qa-qp' && stage === 'release-review';

/** Ops and inspection (issue 14, docs/roles.md): custody, exports, deviations, signatures. */
const READS_CUSTODY = ['ops', 'qa-qp', 'scheduler'];
const EXPORTS_RECORDS = ['ops', 'qa-qp'];
const READS_DEVIATIONS = ['operator', 'qa-qp', 'ops'];
const READS_SIGNATURES = ['ops', 'qa-qp'];
export const mayReadCustody = (role: string) => READS_CUSTODY.includes(role);
export const mayExportRecords = (role: string) => EXPORTS_RECORDS.includes(role);
export const mayReadDeviations = (role: string) => READS_DEVIATIONS.includes(role);
/** The qualified person closes deviations, signed (DON-06.4, PER-03). */
export const mayCloseDeviations = (role: string) => role === 'qa-qp';
export const mayReadSignatures = (role: string) => READS_SIGNATURES.includes(role);

/** Recalls (QA-04): the qualified person raises them; ops reads them and records dispositions. */
const READS_RECALLS = ['qa-qp', 'ops'];
export const mayReadRecalls = (role: string) => READS_RECALLS.includes(role);
export const mayRaiseRecall = (role: string) => role === 'qa-qp';
