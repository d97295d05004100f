import type { ProductSpecification } from '@v2v/contracts';
import { useCallback, useEffect, useState } from 'react';
import { api, outcome } from '../../api/client';
import type { Refusal } from '../../api/refusal';
import { RefusalAlert } from '../../components/RefusalAlert';
import {
  mayReadInvestigations,
  mayReadQcResults,
  mayReadReleaseGates,
  mayRecordQcResults,
  mayReleaseBatch,
} from '../../roles';
import { OosInvestigations } from './OosInvestigations';
import { oosInvestigations, qcResults } from './quality-api';
import { QcResultEntry } from './QcResultEntry';
import { QcResults } from './QcResults';
import { ReleaseGates } from './ReleaseGates';
import {
  type OosInvestigationView,
  type QcResultsView,
  type QcTestPlan,
  retestsOrdered,
} from './release';

/** Stages from which the batch has QC results to show: production has completed. */
const AFTER_PRODUCTION = ['qc', 'release-review', 'released', 'shipped', 'received-at-site'];
const LATER = ['infused', 'follow-up', 'closed'];

interface Props {
  donorCode: string;
  role: string;
  stage: string;
  productCode: string;
  specificationVersion: number;
  /** Changes when the journey records a step. */
  version: number;
  /** A record here changed the journey (a QC result, the release): the journey is read again. */
  onJourneyChanged(): void;
}

/**
 * The journey's QC and release (QA-01, QA-02): the release gates, the QC results and their
 * OOS investigations, and QC's results entry, each as the user's role may see it. A record
 * in one (a phase of an investigation, a result) reads the others again.
 */
export function QualitySections(props: Props) {
  const { donorCode, role, stage } = props;
  const [revision, setRevision] = useState(0);
  const [results, setResults] = useState<QcResultsView>();
  const [investigations, setInvestigations] = useState<OosInvestigationView[]>([]);
  const [plan, setPlan] = useState<QcTestPlan>();
  const [refusal, setRefusal] = useState<Refusal>();
  const hasQc = AFTER_PRODUCTION.includes(stage) || LATER.includes(stage);
  const entering = mayRecordQcResults(role, stage);

  const load = useCallback(async () => {
    if (!hasQc) return;
    const [r, i] = await Promise.all([
      mayReadQcResults(role) ? qcResults(donorCode) : undefined,
      mayReadInvestigations(role) ? oosInvestigations(donorCode) : undefined,
    ]);
    if (r?.ok) setResults(r.data);
    if (i?.ok) setInvestigations(i.data);
    setRefusal([r, i].flatMap((o) => (o && !o.ok ? [o.refusal] : []))[0]);
  }, [donorCode, role, hasQc]);

  useEffect(() => {
    void load();
  }, [load, props.version, revision]);

  useEffect(() => {
    if (!entering) return;
    void outcome<ProductSpecification>(
      api.GET('/api/product-specifications/{productCode}', {
        params: {
          path: { productCode: props.productCode },
          query: { version: String(props.specificationVersion) },
        },
      }),
    ).then((s) => (s.ok ? setPlan(s.data.qcTestPlan) : setRefusal(s.refusal)));
  }, [entering, props.productCode, props.specificationVersion]);

  const changed = () => setRevision((n) => n + 1);
  const journeyChanged = () => {
    changed();
    props.onJourneyChanged();
  };
  if (!hasQc) return null;
  return (
    <>
      <RefusalAlert refusal={refusal} />
      {mayReadReleaseGates(role) && AFTER_PRODUCTION.includes(stage) && (
        <ReleaseGates
          donorCode={donorCode}
          version={props.version + revision}
          mayRelease={mayReleaseBatch(role, stage)}
          onReleased={journeyChanged}
        />
      )}
      {results && <QcResults view={results} />}
      {mayReadInvestigations(role) && (
        <OosInvestigations
          donorCode={donorCode}
          role={role}
          investigations={investigations}
          onRecorded={changed}
        />
      )}
      {entering && plan && (
        <QcResultEntry
          // A retest ordered adds a row: the form starts again with its prefilled values.
          key={retestsOrdered(investigations)
            .map((i) => i.investigationId)
            .join()}
          donorCode={donorCode}
          plan={plan}
          investigations={investigations}
          onRecorded={journeyChanged}
        />
      )}
    </>
  );
}
