import { Alert, Form, Input, InputNumber, Radio, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, outcome, stepParams } from '../api/client';
import type { TimelineEntry } from '../api/views';
import { DateTimeInput } from '../components/DateTimeInput';
import { StepForm } from '../components/StepForm';
import { instantOf, localInputValue } from '../format';

interface Values {
  receivedAt: string;
  packagingIntact: boolean;
  label: { collectedAt?: string; volumeMl?: number; institution?: string };
  storageUnitId: string;
  labelScan: string;
}

/** The seed's six items of §7(8); 1, 2, 5 and 6 are checked by the system from its records. */
const ITEMS = ['institution', 'transport', 'packaging', 'label', 'collectionRecord', 'screening'];
const BY_SYSTEM = ['institution', 'transport', 'collectionRecord', 'screening'];

/**
 * Receipt inspection of donor material at the factory (DON-04) as the six-item checklist: the
 * operator reports the packaging and what the label shows, scans the label (a keyboard-wedge
 * scanner types the code and Enter, which sends the form) and names the storage unit.
 */
export function ReceiptInspection(props: { donorCode: string; onRecorded(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const required = { required: true, message: t('form.required') };

  const send = ({ receivedAt, label, labelScan, ...rest }: Values) =>
    outcome(
      api.POST('/api/journeys/{donorCode}/record-material-receipt', {
        params: stepParams(props.donorCode),
        body: {
          ...rest,
          receivedAt: instantOf(receivedAt),
          labelScan: labelScan.trim(),
          label: {
            ...(label.collectedAt ? { collectedAt: instantOf(label.collectedAt) } : {}),
            ...(typeof label.volumeMl === 'number' ? { volumeMl: label.volumeMl } : {}),
            ...(label.institution?.trim() ? { institution: label.institution.trim() } : {}),
          },
        },
      }),
    );

  const operatorItem = (item: string) =>
    item === 'packaging' ? (
      <Form.Item name="packagingIntact" rules={[required]} label={t('receipt.packagingIntact')}>
        <Radio.Group
          options={[
            { value: true, label: t('receipt.intact') },
            { value: false, label: t('receipt.damaged') },
          ]}
        />
      </Form.Item>
    ) : (
      <>
        <Form.Item label={t('receipt.labelCollectedAt')} name={['label', 'collectedAt']}>
          <DateTimeInput />
        </Form.Item>
        <Form.Item label={t('receipt.labelVolumeMl')} name={['label', 'volumeMl']}>
          <InputNumber min={0.1} max={2000} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          label={t('receipt.labelInstitution')}
          name={['label', 'institution']}
          rules={[{ max: 200 }]}
        >
          <Input />
        </Form.Item>
      </>
    );

  return (
    <StepForm<Values>
      form={form}
      name="receipt-form"
      title={t('receipt.title')}
      submitLabel={t('receipt.submit')}
      initialValues={{ receivedAt: localInputValue(new Date()), label: {} }}
      send={send}
      onRecorded={props.onRecorded}
    >
      <p>{t('receipt.intro')}</p>
      <Form.Item label={t('receipt.receivedAt')} name="receivedAt" rules={[required]}>
        <DateTimeInput />
      </Form.Item>
      <ol className="checklist" data-testid="receipt-checklist">
        {ITEMS.map((item, i) => (
          <li key={item}>
            <strong>
              {i + 1}. {t(`receipt.items.${item}`)}
            </strong>{' '}
            {BY_SYSTEM.includes(item) ? (
              <Tag color="blue">{t('receipt.bySystem')}</Tag>
            ) : (
              operatorItem(item)
            )}
          </li>
        ))}
      </ol>
      <Form.Item
        label={t('receipt.storageUnitId')}
        name="storageUnitId"
        rules={[required, { max: 64 }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        label={t('receipt.labelScan')}
        name="labelScan"
        extra={t('receipt.scanHint')}
        rules={[required, { max: 64 }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
    </StepForm>
  );
}

/**
 * The receipt's outcome as the server judged it: passed, or quarantined with every failed item
 * and its code (DON-04.1 … DON-04.6), from the receipt's record on the timeline.
 */
export function ReceiptOutcome({ stage, timeline }: { stage: string; timeline: TimelineEntry[] }) {
  const { t } = useTranslation();
  const receipt = timeline.filter((e) => e.step === 'recordMaterialReceipt').at(-1);
  if (!receipt || (stage !== 'received' && stage !== 'material-quarantined')) return null;
  const quarantined = stage === 'material-quarantined';
  return (
    <Alert
      data-testid="receipt-outcome"
      type={quarantined ? 'warning' : 'success'}
      showIcon
      title={quarantined ? t('receipt.quarantined') : t('receipt.passed')}
      description={receipt.summary}
      style={{ marginBottom: 16 }}
    />
  );
}
