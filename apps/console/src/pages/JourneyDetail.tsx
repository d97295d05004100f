import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Result,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, idempotencyKey, outcome } from '../api/client';
import type { Refusal } from '../api/refusal';
import type { JourneyStatus } from '../api/views';
import { RecordedAt } from '../components/RecordedAt';
import { RefusalAlert } from '../components/RefusalAlert';
import { type SignatureInput, SignatureDialog } from '../components/SignatureDialog';
import {
  mayInspectReceipt,
  mayPostponeCollection,
  mayReadBatchRecord,
  mayReadSlots,
  mayRecordHospitalSteps,
  mayReleaseMaterial,
  mayScheduleCollection,
  mayShipToSite,
  mayStartProduction,
  mayVerifyLedger,
} from '../roles';
import { useSession } from '../session/SessionContext';
import { StartProductionForm } from './batch/StartProductionForm';
import { HospitalSteps } from './hospital/HospitalSteps';
import { InspectorSections } from './inspector/InspectorSections';
import { LedgerVerification } from './inspector/LedgerVerification';
import { ReceiptInspection, ReceiptOutcome } from './ReceiptInspection';
import { QualityStepSections } from './quality-steps/QualityStepSections';
import { QualitySections } from './release/QualitySections';
import { ShipmentRecorded, ShipToSiteForm } from './shipment/ShipToSiteForm';
import { PostponeCollectionForm, ScheduleCollectionForm } from './slots/CollectionScheduling';
import { JourneySlots } from './slots/JourneySlots';

/**
 * One journey: stage, timeline, pending deadlines, Temporal UI, ledger, QA's release of donor
 * material, the operator's start of production, and the batch's QC and release.
 */
export function JourneyDetail() {
  const { t } = useTranslation();
  const { donorCode = '' } = useParams();
  const { session } = useSession();
  const { message } = App.useApp();
  const role = session?.role ?? '';
  const [journey, setJourney] = useState<JourneyStatus>();
  const [refusal, setRefusal] = useState<Refusal>();
  const [signing, setSigning] = useState(false);
  const path = { donorCode };

  const load = useCallback(async () => {
    const result = await outcome<JourneyStatus>(
      api.GET('/api/journeys/{donorCode}', { params: { path: { donorCode } } }),
    );
    if (result.ok) setJourney(result.data);
    else setRefusal(result.refusal);
  }, [donorCode]);

  useEffect(() => {
    void load();
  }, [load]);

  const releaseMaterial = ({ password, comment }: SignatureInput) =>
    outcome(
      api.POST('/api/journeys/{donorCode}/release-material', {
        params: { path, header: { 'Idempotency-Key': idempotencyKey() } },
        body: { ...(comment ? { comment } : {}), signature: { password } },
      }),
    );

  // Another institution's code, an unknown one and a deleted journey answer the same 404.
  if (!journey && refusal?.status === 404)
    return (
      <Card>
        <Result
          status="404"
          title={t('journey.notFound')}
          subTitle={<span data-testid="refusal-message">{refusal.message}</span>}
          extra={<Link to="/">{t('journey.back')}</Link>}
        />
      </Card>
    );
  if (!journey)
    return (
      <Card>
        <RefusalAlert refusal={refusal} />
        {!refusal && <Spin />}
      </Card>
    );
  const { view } = journey;
  return (
    <Card
      title={
        <h1 className="card-title">
          {t('journey.title')} · <span data-testid="donor-code">{view.donorCode}</span>
        </h1>
      }
      extra={<Link to="/">{t('journey.back')}</Link>}
    >
      <RefusalAlert refusal={refusal} />
      <Descriptions bordered size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('journey.stage')}>
          <Tag color="blue" data-testid="journey-stage">
            {t(`stages.${view.stage}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('journey.institution')}>{view.institutionId}</Descriptions.Item>
        <Descriptions.Item label={t('journey.product')}>{view.productCode}</Descriptions.Item>
        <Descriptions.Item label={t('journey.specification')}>
          v{view.productSpecificationVersion}
        </Descriptions.Item>
        <Descriptions.Item label={t('journey.recollections')}>
          {view.recollections}
        </Descriptions.Item>
        <Descriptions.Item label={t('journey.knownPositive')}>
          {view.knownPositiveMarkers.join(', ') || '—'}
        </Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginBottom: 16 }}>
        <a
          href={journey.temporalUiUrl}
          target="_blank"
          rel="noreferrer"
          data-testid="temporal-link"
        >
          {t('journey.temporal')}
        </a>
        {view.batchNumber && mayReadBatchRecord(role) && (
          <Link to={`/journeys/${encodeURIComponent(view.donorCode)}/batch-record`}>
            {t('batch.open')} · {view.batchNumber}
          </Link>
        )}
        {mayReleaseMaterial(role, view.stage) && (
          <Button type="primary" onClick={() => setSigning(true)}>
            {t('journey.release')}
          </Button>
        )}
      </Space>
      {mayVerifyLedger(role) && <LedgerVerification donorCode={view.donorCode} />}
      <ReceiptOutcome stage={view.stage} timeline={journey.timeline} />
      {mayRecordHospitalSteps(role) && (
        <HospitalSteps
          donorCode={view.donorCode}
          stage={view.stage}
          timeline={journey.timeline}
          onRecorded={() => void load()}
        />
      )}
      {mayReadSlots(role) && (
        <JourneySlots donorCode={view.donorCode} version={journey.timeline.length} />
      )}
      {mayScheduleCollection(role, view.stage) && (
        <ScheduleCollectionForm donorCode={view.donorCode} onRecorded={() => void load()} />
      )}
      {mayPostponeCollection(role, view.stage) && (
        <PostponeCollectionForm donorCode={view.donorCode} onRecorded={() => void load()} />
      )}
      {mayInspectReceipt(role, view.stage) && (
        <ReceiptInspection donorCode={view.donorCode} onRecorded={() => void load()} />
      )}
      {mayStartProduction(role, view.stage) && (
        <StartProductionForm donorCode={view.donorCode} onRecorded={() => void load()} />
      )}
      {mayShipToSite(role, view.stage) && (
        <ShipToSiteForm donorCode={view.donorCode} onRecorded={() => void load()} />
      )}
      <ShipmentRecorded timeline={journey.timeline} />
      <QualitySections
        donorCode={view.donorCode}
        role={role}
        stage={view.stage}
        productCode={view.productCode}
        specificationVersion={view.productSpecificationVersion}
        version={journey.timeline.length}
        onJourneyChanged={() => void load()}
      />
      <QualityStepSections journey={journey} role={role} onJourneyChanged={() => void load()} />
      <InspectorSections journey={journey} role={role} onJourneyChanged={() => void load()} />
      <h2>{t('journey.deadlines')}</h2>
      {journey.pendingDeadlines.length === 0 ? (
        <Empty description={t('journey.noDeadlines')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={journey.pendingDeadlines}
          columns={[
            { title: 'ID', dataIndex: 'rule' },
            { title: '', dataIndex: 'description' },
            {
              title: t('journey.dueAt'),
              dataIndex: 'dueAt',
              render: (at: string) => <RecordedAt at={at} />,
            },
          ]}
        />
      )}
      <h2>{t('journey.timeline')}</h2>
      <Timeline
        data-testid="timeline"
        items={journey.timeline.map((entry) => ({
          content: (
            <div>
              <RecordedAt at={entry.at} /> · <Tag>{t(`stages.${entry.stage}`)}</Tag>
              <div>{entry.summary}</div>
            </div>
          ),
        }))}
      />
      <SignatureDialog
        open={signing}
        action={t('journey.release')}
        meaning="released"
        donorCode={view.donorCode}
        sign={releaseMaterial}
        onCancel={() => setSigning(false)}
        onSigned={() => {
          setSigning(false);
          void message.success(t('journey.released'));
          void load();
        }}
      />
    </Card>
  );
}
