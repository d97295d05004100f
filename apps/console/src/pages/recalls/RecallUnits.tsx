import { Button, Form, Input, Radio, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RecallDispositionRequest } from '@v2v/contracts';
import { api, idempotencyKey, outcome } from '../../api/client';
import type { JourneyStatus } from '../../api/views';
import { RecordedAt } from '../../components/RecordedAt';
import { StepForm } from '../../components/StepForm';
import { type Recall, type RecallUnit, UNIT_STATUS_COLOURS } from './recalls';

const DISPOSITIONS = ['returned', 'destroyed', 'already-infused'] as const;

/** The affected journey's stage now, as the gateway answers it (a recalled one is held). */
function JourneyStage({ donorCode }: { donorCode: string }) {
  const { t } = useTranslation();
  const [stage, setStage] = useState<string>();
  useEffect(() => {
    void outcome<JourneyStatus>(
      api.GET('/api/journeys/{donorCode}', { params: { path: { donorCode } } }),
    ).then((result) => setStage(result.ok ? result.data.view.stage : undefined));
  }, [donorCode]);
  return stage ? <Tag color="blue">{t(`stages.${stage}`)}</Tag> : <span>—</span>;
}

/** How one unit ended: returned, destroyed or already infused; once per unit (QA-04). */
function DispositionForm(props: { recallId: string; donorCode: string; onRecorded(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RecallDispositionRequest>();
  const required = { required: true, message: t('form.required') };
  return (
    <StepForm
      form={form}
      name="disposition-form"
      title={t('recalls.dispositionTitle', { donorCode: props.donorCode })}
      submitLabel={t('recalls.submitDisposition')}
      send={(v) =>
        outcome(
          api.POST('/api/recalls/{recallId}/units/{donorCode}/disposition', {
            params: {
              path: { recallId: props.recallId, donorCode: props.donorCode },
              header: { 'Idempotency-Key': idempotencyKey() },
            },
            body: { disposition: v.disposition, note: v.note.trim() },
          }),
        )
      }
      onRecorded={props.onRecorded}
    >
      <Form.Item label={t('recalls.disposition')} name="disposition" rules={[required]}>
        <Radio.Group
          options={DISPOSITIONS.map((value) => ({
            value,
            label: t(`recalls.dispositions.${value}`),
          }))}
        />
      </Form.Item>
      <Form.Item label={t('recalls.note')} name="note" rules={[required, { max: 2000 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </StepForm>
  );
}

/**
 * A recall's units: each journey the genealogy reached, its stage now, its status and, for an
 * open one, the form of its disposition (both roles that read recalls may record it).
 */
export function RecallUnits(props: { recall: Recall; onRecorded(): void }) {
  const { t } = useTranslation();
  const [disposing, setDisposing] = useState<string>();
  const { recall } = props;
  return (
    <>
      <Table<RecallUnit>
        rowKey="donorCode"
        size="small"
        data-testid={`recall-units-${recall.recallId}`}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={recall.units}
        columns={[
          {
            title: t('recalls.donorCode'),
            dataIndex: 'donorCode',
            render: (code: string) => (
              <Link to={`/journeys/${encodeURIComponent(code)}`}>{code}</Link>
            ),
          },
          {
            title: t('recalls.stage'),
            key: 'stage',
            render: (_, unit) => <JourneyStage donorCode={unit.donorCode} />,
          },
          {
            title: t('recalls.batches'),
            dataIndex: 'batchNumbers',
            render: (batches: string[]) => batches.join(', '),
          },
          {
            title: t('recalls.status'),
            key: 'status',
            render: (_, unit) => (
              <Tag
                color={UNIT_STATUS_COLOURS[unit.status]}
                data-testid={`unit-status-${unit.donorCode}`}
              >
                {t(`recalls.statuses.${unit.status}`)}
              </Tag>
            ),
          },
          {
            title: t('recalls.disposition'),
            key: 'disposition',
            render: (_, unit) =>
              unit.disposition ? (
                <span>
                  {unit.disposition.note} · <RecordedAt at={unit.disposition.recordedAt} />
                </span>
              ) : (
                <Button size="small" onClick={() => setDisposing(unit.donorCode)}>
                  {t('recalls.recordDisposition')}
                </Button>
              ),
          },
        ]}
      />
      {disposing && (
        <DispositionForm
          key={disposing}
          recallId={recall.recallId}
          donorCode={disposing}
          onRecorded={() => {
            setDisposing(undefined);
            props.onRecorded();
          }}
        />
      )}
    </>
  );
}
