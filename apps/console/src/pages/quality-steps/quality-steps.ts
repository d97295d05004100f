/**
 * QC's and QA's steps before the batch release as the console reads them: the shapes the
 * gateway answers (libs/contracts, type-only), who may see and take each step at which stage
 * (the routes' `@Roles`, docs/roles.md), and the small decisions of the screens.
 */
import type {
  BatchRecordReview,
  DonorMaterialTest,
  DonorMaterialTestResultEntry,
  DonorMaterialTestsView,
  JourneySampleRequest,
} from '@v2v/contracts';
import { JOURNEY_STAGES } from '../../roles';
import { enteredValue } from '../release/release';

export type { BatchRecordReview, DonorMaterialTest, DonorMaterialTestsView, JourneySampleRequest };

/** A sample as `GET /api/journeys/{donorCode}/samples` lists it (the release service's row). */
export interface SampleView {
  sampleId: string;
  purpose: JourneySampleRequest['purpose'];
  subject: JourneySampleRequest['subject'];
  batchNumber: string | null;
  quantity: number;
  unit: string;
  container: string;
  storageLocation: string;
  storageCondition: string;
  retentionUntil: string | null;
  takenAt: string;
  recordedBy: { userId: string; role: string };
  recordedAt: string;
}

export interface JourneySamplesView {
  donorCode: string;
  samples: SampleView[];
}

const stageIndex = (stage: string) => JOURNEY_STAGES.indexOf(stage as never);
/** From the factory's receipt of the donor material on, a cancelled journey aside. */
const fromReceipt = (stage: string) =>
  stage !== 'cancelled' && stageIndex(stage) >= stageIndex('received');
/** Up to the release review: the batch is not released yet. */
const beforeBatchRelease = (stage: string) =>
  fromReceipt(stage) && stageIndex(stage) <= stageIndex('release-review');
/** Production has completed and the batch is in QC or release review (QA-02.2). */
const inQcOrReview = (stage: string) => stage === 'qc' || stage === 'release-review';

const READS_DONOR_MATERIAL_TESTS = ['qc', 'qa-qp', 'ops'];
const READS_SAMPLES = ['qc', 'qa-qp', 'ops'];
const READS_REVIEW = ['qa-qp', 'qc', 'ops', 'production-manager'];

export const mayReadDonorMaterialTests = (role: string, stage: string) =>
  READS_DONOR_MATERIAL_TESTS.includes(role) && fromReceipt(stage);
/** QC reports the donor material's results after its receipt, late ones up to the release. */
export const mayRecordDonorMaterialTests = (role: string, stage: string) =>
  role === 'qc' && beforeBatchRelease(stage) && stage !== 'material-rejected';
/** QA assesses the impact of tests pending at the material's release, before the batch's. */
export const mayAssessDonorMaterialImpact = (
  role: string,
  stage: string,
  view: DonorMaterialTestsView | undefined,
) => role === 'qa-qp' && beforeBatchRelease(stage) && pendingAtRelease(view).length > 0;
export const mayReadSamples = (role: string, stage: string) =>
  READS_SAMPLES.includes(role) && fromReceipt(stage);
export const mayRecordSamples = (role: string, stage: string) =>
  role === 'qc' && fromReceipt(stage);
export const mayReadBatchRecordReview = (role: string, stage: string) =>
  READS_REVIEW.includes(role) && stageIndex(stage) >= stageIndex('qc') && stage !== 'cancelled';
/** Only the qualified person signs the review, once production completed (QA-02.2). */
export const mayReviewBatchRecord = (role: string, stage: string) =>
  role === 'qa-qp' && inQcOrReview(stage);

/** The tests still pending when QA released the material; none before its release. */
export const pendingAtRelease = (view: DonorMaterialTestsView | undefined) =>
  view?.pendingAtMaterialRelease ?? [];

/** One row of the results entry; only rows with a value are sent. */
export interface DonorMaterialRow {
  value?: string;
  unit?: string;
  method?: string;
  testedAt?: string;
}

/**
 * The results to send: a row per test with a value typed, a number for a range test, its
 * unit when typed. `testedAt` is already the instant the API takes.
 */
export function donorMaterialResults(
  tests: readonly DonorMaterialTest[],
  rows: readonly DonorMaterialRow[],
): DonorMaterialTestResultEntry[] {
  return tests.flatMap((test, i) => {
    const row = rows[i] ?? {};
    if (!row.value?.trim()) return [];
    const unit = row.unit?.trim();
    return [
      {
        testCode: test.code,
        value: enteredValue(test, row.value),
        ...(unit ? { unit } : {}),
        method: row.method?.trim() ?? '',
        testedAt: row.testedAt ?? '',
      },
    ];
  });
}

/**
 * The body as sent: a batch number only for an intermediate or the final product (donor material
 * has no batch yet), a retention end only for a retention sample.
 */
export function sampleBody(values: JourneySampleRequest): JourneySampleRequest {
  const { batchNumber, retentionUntil, ...rest } = values;
  return {
    ...rest,
    ...(rest.subject !== 'donor-material' && batchNumber ? { batchNumber } : {}),
    ...(rest.purpose === 'retention' && retentionUntil ? { retentionUntil } : {}),
  };
}
