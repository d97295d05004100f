import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { download } from '../../api/download';
import type { Refusal } from '../../api/refusal';
import type { TimelineEntry } from '../../api/views';
import { RefusalAlert } from '../../components/RefusalAlert';
import { CollectionForm, HandOverForm, StorageForm } from './CollectionForms';
import { InstructionsForUseCard } from './InstructionsForUseCard';
import { ScreeningForm } from './ScreeningForm';
import { InfusionForm, ReceiveAtSiteForm, ThawForm } from './SiteForms';

/** Stages in which the institution holds a collected unit whose label it prints. */
const LABELLED_STAGES = ['collected', 'in-transit-to-factory'];
/** Stages in which the product's instructions for use have travelled to the site (OTH-01). */
const INSTRUCTED_STAGES = ['shipped', 'received-at-site'];

/** Whether the unit collected last already has its post-collection storage record. */
/** Whether the journey's timeline holds the step (the thaw is taken once, OTH-01). */
const recorded = (timeline: TimelineEntry[], step: string) => timeline.some((e) => e.step === step);

function storageRecorded(timeline: TimelineEntry[]): boolean {
  const last = (step: string) => timeline.map((e) => e.step).lastIndexOf(step);
  return last('recordPostCollectionStorage') > last('recordCollection');
}

/**
 * The institution's records on its own patient's journey (the gateway answers 404 for any
 * other): the form of each step the stage allows, and the donor material label.
 */
export function HospitalSteps(props: {
  donorCode: string;
  stage: string;
  timeline: TimelineEntry[];
  onRecorded(): void;
}) {
  const { t } = useTranslation();
  const [refusal, setRefusal] = useState<Refusal>();
  const [instructionsAcknowledged, setInstructionsAcknowledged] = useState(false);
  const { donorCode, stage, onRecorded } = props;

  const downloadLabel = async () => {
    const result = await download(
      api.GET('/api/journeys/{donorCode}/label.pdf', {
        params: { path: { donorCode } },
        parseAs: 'blob',
      }),
      `label-${donorCode}.pdf`,
    );
    setRefusal(result.ok ? undefined : result.refusal);
  };

  return (
    <section aria-label={t('hospital.title')}>
      <RefusalAlert refusal={refusal} />
      {LABELLED_STAGES.includes(stage) && (
        <Button onClick={() => void downloadLabel()} style={{ marginBottom: 16 }}>
          {t('hospital.label')}
        </Button>
      )}
      {stage === 'ordered' && <ScreeningForm donorCode={donorCode} onRecorded={onRecorded} />}
      {stage === 'collection-scheduled' && (
        <CollectionForm donorCode={donorCode} onRecorded={onRecorded} />
      )}
      {stage === 'collected' && !storageRecorded(props.timeline) && (
        <StorageForm donorCode={donorCode} onRecorded={onRecorded} />
      )}
      {stage === 'collected' && <HandOverForm donorCode={donorCode} onRecorded={onRecorded} />}
      {INSTRUCTED_STAGES.includes(stage) && (
        <InstructionsForUseCard
          donorCode={donorCode}
          onAcknowledged={setInstructionsAcknowledged}
        />
      )}
      {stage === 'shipped' && <ReceiveAtSiteForm donorCode={donorCode} onRecorded={onRecorded} />}
      {stage === 'received-at-site' &&
        (!instructionsAcknowledged ? (
          <Alert type="info" showIcon message={t('site.infusion.waitsForInstructions')} />
        ) : !recorded(props.timeline, 'recordThaw') ? (
          <ThawForm donorCode={donorCode} onRecorded={onRecorded} />
        ) : (
          <InfusionForm donorCode={donorCode} onRecorded={onRecorded} />
        ))}
    </section>
  );
}
