import { Empty, Form, Input, InputNumber, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, outcome } from '../../api/client';
import { DateTimeInput } from '../../components/DateTimeInput';
import { RecordedAt } from '../../components/RecordedAt';
import { StepForm } from '../../components/StepForm';
import { instantOf, localInputValue } from '../../format';
import { type JourneySampleRequest, sampleBody, type SampleView } from './quality-steps';

/** The journey's samples as the register holds them (QA-01): retention samples with their end. */
export function SampleList({ samples }: { samples: SampleView[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="samples-title" data-testid="samples">
      <h2 id="samples-title">{t('qualitySteps.samples.title')}</h2>
      <Table<SampleView>
        rowKey="sampleId"
        size="small"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: true }}
        dataSource={samples}
        locale={{ emptyText: <Empty description={t('qualitySteps.samples.none')} /> }}
        onRow={(s) => ({ 'data-testid': `sample-${s.subject}-${s.purpose}` }) as object}
        columns={[
          {
            title: t('qualitySteps.samples.subject'),
            dataIndex: 'subject',
            render: (s: string) => t(`qualitySteps.samples.subjects.${s}`),
          },
          {
            title: t('qualitySteps.samples.purpose'),
            dataIndex: 'purpose',
            render: (p: string) => <Tag>{t(`qualitySteps.samples.purposes.${p}`)}</Tag>,
          },
          { title: t('qualitySteps.samples.batchNumber'), render: (_, s) => s.batchNumber ?? '—' },
          {
            title: t('qualitySteps.samples.quantity'),
            render: (_, s) => `${s.quantity} ${s.unit}`,
          },
          { title: t('qualitySteps.samples.container'), dataIndex: 'container' },
          {
            title: t('qualitySteps.samples.storageLocation'),
            render: (_, s) => `${s.storageLocation} · ${s.storageCondition}`,
          },
          {
            title: t('qualitySteps.samples.retentionUntil'),
            render: (_, s) => s.retentionUntil ?? '—',
          },
          {
            title: t('qualitySteps.samples.takenAt'),
            render: (_, s) => <RecordedAt at={s.takenAt} />,
          },
          {
            title: t('qualitySteps.samples.recordedAt'),
            render: (_, s) => (
              <span>
                {s.recordedBy.userId} · <RecordedAt at={s.recordedAt} />
              </span>
            ),
          },
        ]}
      />
    </section>
  );
}

type Values = JourneySampleRequest;

interface Props {
  donorCode: string;
  batchNumber: string | null;
  onRecorded(): void;
}

/**
 * QC registers a sample of the journey (QA-01): donor material, an intermediate or the final
 * product, for QC or retained; a retention sample states until when it is kept. Whether that
 * end is long enough is the release service's rule (QA-01): its refusal shows here.
 */
export function SampleForm(props: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const subject = Form.useWatch('subject', form);
  const purpose = Form.useWatch('purpose', form);
  const label = (key: string) => t(`qualitySteps.samples.${key}`);
  const required = [{ required: true, whitespace: true, message: t('form.required') }];

  const send = (values: Values) =>
    outcome<unknown>(
      api.POST('/api/journeys/{donorCode}/samples', {
        params: {
          path: { donorCode: props.donorCode },
          header: { 'Idempotency-Key': idempotencyKey() },
        },
        body: sampleBody({ ...values, takenAt: instantOf(values.takenAt) }),
      }),
    );

  return (
    <StepForm<Values>
      form={form}
      name="sample-form"
      title={t('qualitySteps.samples.formTitle')}
      submitLabel={t('qualitySteps.samples.submit')}
      initialValues={{
        subject: props.batchNumber ? 'final-product' : 'donor-material',
        purpose: 'retention',
        takenAt: localInputValue(new Date()),
        ...(props.batchNumber ? { batchNumber: props.batchNumber } : {}),
      }}
      send={send}
      onRecorded={() => {
        form.resetFields();
        props.onRecorded();
      }}
    >
      <Form.Item name="subject" label={label('subject')} rules={required.slice(0, 1)}>
        <Select
          options={(['donor-material', 'intermediate', 'final-product'] as const).map((s) => ({
            value: s,
            label: t(`qualitySteps.samples.subjects.${s}`),
          }))}
        />
      </Form.Item>
      {subject !== 'donor-material' && (
        <Form.Item
          name="batchNumber"
          label={label('batchNumber')}
          rules={[
            ...required,
            { pattern: /^[A-Z0-9][A-Z0-9-]{1,31}$/, message: label('batchNumber') },
          ]}
        >
          <Input />
        </Form.Item>
      )}
      <Form.Item name="purpose" label={label('purpose')} rules={required.slice(0, 1)}>
        <Select
          options={(['retention', 'qc'] as const).map((p) => ({
            value: p,
            label: t(`qualitySteps.samples.purposes.${p}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="quantity"
        label={label('quantity')}
        rules={[
          { required: true, message: t('form.required') },
          { type: 'number', min: Number.MIN_VALUE, message: label('quantity') },
        ]}
      >
        <InputNumber min={0} />
      </Form.Item>
      <Form.Item name="unit" label={label('unit')} rules={[...required, { max: 16 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="container" label={label('container')} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item name="storageLocation" label={label('storageLocation')} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item name="storageCondition" label={label('storageCondition')} rules={required}>
        <Input />
      </Form.Item>
      {purpose === 'retention' && (
        <Form.Item
          name="retentionUntil"
          label={label('retentionUntil')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Input type="date" style={{ width: 200 }} />
        </Form.Item>
      )}
      <Form.Item name="takenAt" label={label('takenAt')} rules={required}>
        <DateTimeInput />
      </Form.Item>
    </StepForm>
  );
}
