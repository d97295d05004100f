import type { BatchLabel, BatchRecordView } from '@v2v/contracts';
import { Alert, Button, Card, Descriptions, Empty, Space, Spin, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, outcome } from '../../api/client';
import { download } from '../../api/download';
import type { Refusal } from '../../api/refusal';
import { RecordedAt } from '../../components/RecordedAt';
import { RefusalAlert } from '../../components/RefusalAlert';
import { mayBookBatchSteps, mayRunBatchSteps } from '../../roles';
import { useSession } from '../../session/SessionContext';
import { type BatchContext, batchContextOf } from './batch-context';
import { awaitingLineClearance, bookingsOf, currentStep } from './batch-record';
import { CompleteStepForm } from './CompleteStepForm';
import { LineClearanceForm } from './LineClearanceForm';
import { StartStepForm } from './StartStepForm';
import { TAG_COLOURS } from '../../components/tag-colours';
import { BatchStepBookings } from '../slots/BatchStepBookings';

type View = BatchRecordView & { temporalUiUrl: string };

/**
 * The electronic batch record of a journey (PRD-01..08): its steps in order, deviations, labels
 * and a transfer under way; for the production manager, the bookings of the steps; for the
 * operator, the next step's start on its booking and the completion of the step in progress.
 */
export function BatchRecordPage() {
  const { t } = useTranslation();
  const { donorCode = '' } = useParams();
  const { session } = useSession();
  const operator = mayRunBatchSteps(session?.role ?? '');
  const booker = mayBookBatchSteps(session?.role ?? '');
  const [view, setView] = useState<View>();
  const [context, setContext] = useState<BatchContext>();
  const [refusal, setRefusal] = useState<Refusal>();

  const load = useCallback(async () => {
    const result = await outcome<View>(
      api.GET('/api/journeys/{donorCode}/batch-record', { params: { path: { donorCode } } }),
    );
    if (!result.ok) return setRefusal(result.refusal);
    setView(result.data);
    if (!operator && !booker) return;
    const loaded = await batchContextOf(result.data, { lots: operator, markers: booker });
    if (loaded.ok) setContext(loaded.data);
    else setRefusal(loaded.refusal);
  }, [donorCode, operator, booker]);

  useEffect(() => {
    void load();
  }, [load]);

  const downloadLabel = async (label: BatchLabel) => {
    const result = await download(
      api.GET('/api/journeys/{donorCode}/batch-record/labels/{labelId}.pdf', {
        params: { path: { donorCode, labelId: label.labelId } },
        parseAs: 'blob',
      }),
      `label-${label.labelId}.pdf`,
    );
    setRefusal(result.ok ? undefined : result.refusal);
  };

  if (!view)
    return (
      <Card>
        <RefusalAlert refusal={refusal} />
        {!refusal && <Spin />}
      </Card>
    );

  const current = currentStep(view);
  const index = current ? view.steps.findIndex((s) => s.stepId === current.stepId) : -1;
  const definition = context?.steps[index];
  const labelsOfCurrent = view.labels.filter((l) => l.stepId === current?.stepId);
  return (
    <Card
      title={
        <h1 className="card-title">
          {t('batch.title')} · <span data-testid="batch-number">{view.batchNumber}</span>
        </h1>
      }
      extra={<Link to={`/journeys/${encodeURIComponent(donorCode)}`}>{t('batch.back')}</Link>}
    >
      <RefusalAlert refusal={refusal} />
      <Descriptions bordered size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('board.donorCode')}>{view.donorCode}</Descriptions.Item>
        <Descriptions.Item label={t('batch.process')}>
          {view.productCode} v{view.processVersion}
        </Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginBottom: 16 }}>
        <a href={view.temporalUiUrl} target="_blank" rel="noreferrer">
          {t('journey.temporal')}
        </a>
      </Space>
      {view.transfer && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('batch.transfer', { from: view.transfer.fromStepId })}
          description={<RecordedAt at={view.transfer.dueAt} />}
        />
      )}
      {view.completed && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('batch.completed', { count: view.totalCellCount })}
        />
      )}
      <Table
        rowKey="stepId"
        size="small"
        pagination={false}
        data-testid="batch-steps"
        dataSource={view.steps}
        style={{ marginBottom: 16 }}
        columns={[
          { title: t('batch.step'), dataIndex: 'name' },
          {
            title: t('batch.status'),
            dataIndex: 'status',
            render: (status: string, s) => (
              <Tag
                color={status === 'completed' ? TAG_COLOURS.settled : 'default'}
                data-testid={`status-${s.stepId}`}
              >
                {t(`batch.statuses.${status}`)}
              </Tag>
            ),
          },
          {
            title: t('batch.startedAt'),
            dataIndex: 'startedAt',
            render: (at?: string) => (at ? <RecordedAt at={at} /> : '—'),
          },
          {
            title: t('batch.endedAt'),
            dataIndex: 'endedAt',
            render: (at?: string) => (at ? <RecordedAt at={at} /> : '—'),
          },
        ]}
      />
      <h2>{t('batch.deviations')}</h2>
      {view.deviations.length === 0 ? (
        <Empty description={t('batch.noDeviations')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Table
          rowKey="deviationId"
          size="small"
          pagination={false}
          data-testid="batch-deviations"
          dataSource={view.deviations}
          style={{ marginBottom: 16 }}
          columns={[
            { title: 'ID', dataIndex: 'rule' },
            { title: t('batch.step'), dataIndex: 'stepId' },
            { title: t('batch.deviation'), dataIndex: 'message' },
            {
              title: t('batch.raisedAt'),
              dataIndex: 'raisedAt',
              render: (at: string) => <RecordedAt at={at} />,
            },
          ]}
        />
      )}
      {booker && !context && !refusal && <Spin />}
      {booker && context && (
        <BatchStepBookings view={view} context={context} onRecorded={() => void load()} />
      )}
      {operator &&
        context &&
        awaitingLineClearance(context.bookings, donorCode).map((booking) => (
          <LineClearanceForm
            key={booking.bookingId}
            booking={booking}
            onRecorded={() => void load()}
          />
        ))}
      {operator && current && !definition && !refusal && <Spin />}
      {operator && current && definition && context && current.status === 'pending' && (
        <StartStepForm
          key={current.stepId}
          donorCode={donorCode}
          step={definition}
          transferIn={view.transfer ? (context.steps[index - 1]?.transferOut ?? null) : null}
          facility={context.facility}
          bookings={bookingsOf(context.bookings, donorCode, current.stepId)}
          onRecorded={() => void load()}
        />
      )}
      {operator && current && definition && context && current.status === 'in-progress' && (
        <CompleteStepForm
          key={current.stepId}
          donorCode={donorCode}
          step={definition}
          labels={labelsOfCurrent}
          lots={context.lots}
          onDownloadLabel={(label) => void downloadLabel(label)}
          onRecorded={() => void load()}
        />
      )}
      <h2>{t('batch.labels')}</h2>
      {view.labels.length === 0 ? (
        <Empty description={t('batch.noLabels')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Table
          rowKey="labelId"
          size="small"
          pagination={false}
          dataSource={view.labels}
          columns={[
            { title: t('batch.step'), dataIndex: 'stepId' },
            { title: t('batch.container'), dataIndex: 'container' },
            { title: 'ID', dataIndex: 'labelId' },
            {
              title: '',
              key: 'download',
              render: (_: unknown, label: BatchLabel) => (
                <Button size="small" onClick={() => void downloadLabel(label)}>
                  {t('batch.downloadLabel')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
