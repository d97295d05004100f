import type { DeviationClosure, DeviationNotice } from '@v2v/contracts';
import { App, Button, Card, Descriptions, Empty, Form, Input, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, outcome } from '../../api/client';
import type { Refusal } from '../../api/refusal';
import { showFieldErrorsAtPaths } from '../../components/field-errors';
import { RecordedAt } from '../../components/RecordedAt';
import { RefusalAlert } from '../../components/RefusalAlert';
import { type SignatureInput, SignatureDialog } from '../../components/SignatureDialog';
import { GATE_COLOURS } from '../release/release';
import { type Deviation, deviationSource } from './deviations';

interface Props {
  donorCode: string;
  /** The journey's deviation notices: each names the rule and leg that raised it. */
  notices: DeviationNotice[];
  /** QA closes deviations (DON-06.4, PER-03); the others read them. */
  mayClose: boolean;
  /** Changes when the journey records a step: the deviations are read again. */
  version: number;
  /** A closure was signed: the journey (its release gates) is read again. */
  onClosed(): void;
}

/** The journey's deviations, open or closed, and QA's signed closure of an open one. */
export function Deviations(props: Props) {
  const { t } = useTranslation();
  const { donorCode } = props;
  const [deviations, setDeviations] = useState<Deviation[]>([]);
  const [refusal, setRefusal] = useState<Refusal>();
  const [closing, setClosing] = useState<Deviation>();

  const load = useCallback(async () => {
    const result = await outcome<Deviation[]>(
      api.GET('/api/journeys/{donorCode}/deviations', { params: { path: { donorCode } } }),
    );
    if (result.ok) setDeviations(result.data);
    setRefusal(result.ok ? undefined : result.refusal);
  }, [donorCode]);

  useEffect(() => {
    void load();
  }, [load, props.version]);

  return (
    <section aria-labelledby="deviations-title" data-testid="deviations">
      <h2 id="deviations-title">{t('inspector.deviations.title')}</h2>
      <RefusalAlert refusal={refusal} />
      {deviations.length === 0 ? (
        <Empty description={t('inspector.deviations.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Table<Deviation>
          rowKey="deviationId"
          size="small"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={deviations}
          expandable={{
            rowExpandable: (d) => d.status === 'closed',
            expandedRowRender: (d) => <Closure deviation={d} />,
          }}
          columns={[
            { title: t('inspector.deviations.description'), dataIndex: 'description' },
            {
              title: t('inspector.deviations.source'),
              key: 'source',
              render: (_, d) => <Source deviation={d} notices={props.notices} />,
            },
            {
              title: t('inspector.deviations.status'),
              dataIndex: 'status',
              render: (status: Deviation['status']) => (
                <Tag
                  color={status === 'open' ? GATE_COLOURS.open : GATE_COLOURS.settled}
                  data-testid="deviation-status"
                >
                  {t(`inspector.deviations.statuses.${status}`)}
                </Tag>
              ),
            },
            {
              title: t('inspector.deviations.raisedAt'),
              dataIndex: 'raisedAt',
              render: (at: string) => <RecordedAt at={at} />,
            },
            ...(props.mayClose
              ? [
                  {
                    title: t('inspector.deviations.action'),
                    key: 'action',
                    render: (_: unknown, d: Deviation) =>
                      d.status === 'open' && (
                        <Button size="small" onClick={() => setClosing(d)}>
                          {t('inspector.deviations.close')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {closing && (
        <ClosureForm
          key={closing.deviationId}
          donorCode={donorCode}
          deviation={closing}
          onCancel={() => setClosing(undefined)}
          onClosed={() => {
            setClosing(undefined);
            void load();
            props.onClosed();
          }}
        />
      )}
    </section>
  );
}

function Source({ deviation, notices }: { deviation: Deviation; notices: DeviationNotice[] }) {
  const { t } = useTranslation();
  const source = deviationSource(deviation, notices);
  if (!source) return <>—</>;
  return (
    <span>
      <Tag>{source.rule}</Tag>
      {source.leg
        ? t(`inspector.deviations.legs.${source.leg}`)
        : source.rule === 'QA-04'
          ? t('inspector.deviations.emergency')
          : t('inspector.deviations.em')}
    </span>
  );
}

function Closure({ deviation: d }: { deviation: Deviation }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={1} bordered data-testid="deviation-closure">
      <Descriptions.Item label={t('inspector.deviations.investigation')}>
        {d.investigation}
      </Descriptions.Item>
      <Descriptions.Item label={t('inspector.deviations.rootCause')}>
        {d.rootCause}
      </Descriptions.Item>
      <Descriptions.Item label={t('inspector.deviations.correctiveAction')}>
        {d.correctiveAction}
      </Descriptions.Item>
      <Descriptions.Item label={t('inspector.deviations.closedBy')}>
        {d.closedBy} {d.closedAt && <RecordedAt at={d.closedAt} />}
      </Descriptions.Item>
    </Descriptions>
  );
}

interface ClosureFormProps {
  donorCode: string;
  deviation: Deviation;
  onCancel(): void;
  onClosed(): void;
}

/**
 * DON-06.4: QA's investigation, root cause and corrective action, checked first and then
 * signed in the dialog with its meaning (CSV-02). The server's field errors go beside the
 * fields; any other refusal (CSV-02, PER-03, an already closed deviation) stays in the dialog.
 */
function ClosureForm({ donorCode, deviation, onCancel, onClosed }: ClosureFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DeviationClosure>();
  const [closure, setClosure] = useState<DeviationClosure>();
  const [refusal, setRefusal] = useState<Refusal>();
  const required = { required: true, message: t('form.required') };

  // The closure has no comment of its own: a comment typed in the dialog joins the
  // investigation, so it is signed with it rather than lost.
  const sign = async ({ password, comment }: SignatureInput) => {
    const values = closure as DeviationClosure;
    const investigation = comment ? `${values.investigation}\n${comment}` : values.investigation;
    const result = await outcome(
      api.POST('/api/journeys/{donorCode}/deviations/{deviationId}/close', {
        params: {
          path: { donorCode, deviationId: deviation.deviationId },
          header: { 'Idempotency-Key': idempotencyKey() },
        },
        body: { ...values, investigation, signature: { password } },
      }),
    );
    if (!result.ok && result.refusal.fieldErrors.length > 0) {
      showFieldErrorsAtPaths(form, result.refusal);
      setRefusal(result.refusal);
      setClosure(undefined);
    }
    return result;
  };

  return (
    <Card
      size="small"
      data-testid="deviation-closure-form"
      title={<h3 className="card-title">{t('inspector.deviations.closeTitle')}</h3>}
      extra={<Button onClick={onCancel}>{t('signature.cancel')}</Button>}
      style={{ marginTop: 16 }}
    >
      <p>{deviation.description}</p>
      <RefusalAlert refusal={refusal} />
      <Form<DeviationClosure>
        form={form}
        layout="vertical"
        scrollToFirstError
        onFinish={(values) => {
          setRefusal(undefined);
          setClosure(values);
        }}
      >
        <Form.Item
          name="investigation"
          label={t('inspector.deviations.investigation')}
          rules={[required, { max: 2990 }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          name="rootCause"
          label={t('inspector.deviations.rootCause')}
          rules={[required, { max: 2000 }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item
          name="correctiveAction"
          label={t('inspector.deviations.correctiveAction')}
          rules={[required, { max: 2000 }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('inspector.deviations.sign')}
        </Button>
      </Form>
      <SignatureDialog
        open={closure !== undefined}
        action={t('inspector.deviations.signAction')}
        meaning="closed"
        donorCode={donorCode}
        sign={sign}
        onCancel={() => setClosure(undefined)}
        onSigned={() => {
          setClosure(undefined);
          void message.success(t('inspector.deviations.closed'));
          onClosed();
        }}
      />
    </Card>
  );
}
