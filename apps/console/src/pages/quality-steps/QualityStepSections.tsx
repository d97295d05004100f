import type { ProductSpecification } from '@v2v/contracts';
import { useCallback, useEffect, useState } from 'react';
import { api, outcome } from '../../api/client';
import type { Refusal } from '../../api/refusal';
import type { JourneyStatus } from '../../api/views';
import { RefusalAlert } from '../../components/RefusalAlert';
import { BatchRecordReviewForm, BatchRecordReviewView } from './BatchRecordReview';
import { DonorMaterialAssessments, DonorMaterialImpactForm } from './DonorMaterialImpact';
import { DonorMaterialEntry, DonorMaterialStanding } from './DonorMaterialTests';
import {
  type BatchRecordReview,
  type DonorMaterialTest,
  type DonorMaterialTestsView,
  type JourneySamplesView,
  mayAssessDonorMaterialImpact,
  mayReadBatchRecordReview,
  mayReadDonorMaterialTests,
  mayReadSamples,
  mayRecordDonorMaterialTests,
  mayRecordSamples,
  mayReviewBatchRecord,
} from './quality-steps';
import { SampleForm, SampleList } from './SampleRegister';

interface Props {
  journey: JourneyStatus;
  role: string;
  /** A record here changed the journey (its timeline, the release gates): read it again. */
  onJourneyChanged(): void;
}

/**
 * QC's and QA's steps before the batch release, each as the role may see or take it: the donor
 * material's tests and QA's signed impact assessment (QA-02.5), the sample register (QA-01)
 * and QA's signed batch record review (QA-02.2). Each record reads the sections again.
 */
export function QualityStepSections({ journey, role, onJourneyChanged }: Props) {
  const { view } = journey;
  const { donorCode, stage } = view;
  const [revision, setRevision] = useState(0);
  const [tests, setTests] = useState<DonorMaterialTestsView>();
  const [plan, setPlan] = useState<readonly DonorMaterialTest[]>();
  const [samples, setSamples] = useState<JourneySamplesView>();
  const [review, setReview] = useState<BatchRecordReview>();
  const [refusal, setRefusal] = useState<Refusal>();
  const readsTests = mayReadDonorMaterialTests(role, stage);
  const readsSamples = mayReadSamples(role, stage);
  const readsReview = mayReadBatchRecordReview(role, stage);
  const entering = mayRecordDonorMaterialTests(role, stage);
  const load = useCallback(async () => {
    const path = { donorCode };
    const [d, s, r] = await Promise.all([
      readsTests
        ? outcome<DonorMaterialTestsView>(
            api.GET('/api/journeys/{donorCode}/donor-material-tests', { params: { path } }),
          )
        : undefined,
      readsSamples
        ? outcome<JourneySamplesView>(
            api.GET('/api/journeys/{donorCode}/samples', { params: { path } }),
          )
        : undefined,
      readsReview
        ? outcome<BatchRecordReview>(
            api.GET('/api/journeys/{donorCode}/batch-record/review', { params: { path } }),
          )
        : undefined,
    ]);
    setTests(d?.ok ? d.data : undefined);
    setSamples(s?.ok ? s.data : undefined);
    setReview(r?.ok ? r.data : undefined);
    // No review yet answers 404: the section says so, it is not a refusal.
    const reviewRefusal = r && !r.ok && r.refusal.status !== 404 ? r.refusal : undefined;
    setRefusal([d, s].flatMap((o) => (o && !o.ok ? [o.refusal] : []))[0] ?? reviewRefusal);
  }, [donorCode, readsTests, readsSamples, readsReview]);

  useEffect(() => {
    void load();
  }, [load, journey.timeline.length, revision]);

  useEffect(() => {
    if (!entering) return;
    void outcome<ProductSpecification>(
      api.GET('/api/product-specifications/{productCode}', {
        params: {
          path: { productCode: view.productCode },
          query: { version: String(view.productSpecificationVersion) },
        },
      }),
    ).then((s) => (s.ok ? setPlan(s.data.donorMaterialTests ?? []) : setRefusal(s.refusal)));
  }, [entering, view.productCode, view.productSpecificationVersion]);

  const recorded = () => {
    setRevision((n) => n + 1);
    onJourneyChanged();
  };
  if (!readsTests && !readsSamples && !readsReview) return null;
  return (
    <>
      <RefusalAlert refusal={refusal} />
      {tests && <DonorMaterialStanding view={tests} />}
      {tests && <DonorMaterialAssessments view={tests} />}
      {entering && plan && plan.length > 0 && (
        <DonorMaterialEntry donorCode={donorCode} tests={plan} onRecorded={recorded} />
      )}
      {mayAssessDonorMaterialImpact(role, stage, tests) && tests && (
        <DonorMaterialImpactForm donorCode={donorCode} view={tests} onSigned={recorded} />
      )}
      {samples && <SampleList samples={samples.samples} />}
      {mayRecordSamples(role, stage) && (
        <SampleForm
          donorCode={donorCode}
          batchNumber={view.batchNumber ?? null}
          onRecorded={recorded}
        />
      )}
      {readsReview && <BatchRecordReviewView review={review} />}
      {mayReviewBatchRecord(role, stage) && (
        <BatchRecordReviewForm donorCode={donorCode} onSigned={recorded} />
      )}
    </>
  );
}
