import { Descriptions, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, outcome, stepParams } from '../../api/client';
import type { TimelineEntry } from '../../api/views';
import { DateTimeInput } from '../../components/DateTimeInput';
import { RecordedAt } from '../../components/RecordedAt';
import { StepForm } from '../../components/StepForm';
import { instantOf, localInputValue } from '../../format';
import { ScanInput } from '../hospital/ScanInput';

interface ShipmentValues {
  shippedAt: string;
  courier: string;
  shipperId: string;
  /** Optional in the API: a shipper without its own logger. */
  loggerId?: string;
}

/**
 * The operator's shipment of the released product (shipToSite): it starts the shipment leg's
 * time limit (GEN-01), and is refused OTH-01 while the product has no instructions for use. The
 * data logger's id is scanned from the logger packed with the product; its Enter submits.
 */
export function ShipToSiteForm(props: { donorCode: string; onRecorded(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ShipmentValues>();
  const required = { required: true, message: t('form.required') };
  return (
    <StepForm
      form={form}
      name="ship-to-site-form"
      title={t('shipment.title')}
      submitLabel={t('shipment.submit')}
      initialValues={{ shippedAt: localInputValue(new Date()) }}
      send={(v) =>
        outcome(
          api.POST('/api/journeys/{donorCode}/ship-to-site', {
            params: stepParams(props.donorCode),
            body: {
              shippedAt: instantOf(v.shippedAt),
              courier: v.courier.trim(),
              shipperId: v.shipperId.trim(),
              ...(v.loggerId?.trim() ? { loggerId: v.loggerId.trim() } : {}),
            },
          }),
        )
      }
      onRecorded={props.onRecorded}
    >
      <Form.Item label={t('shipment.shippedAt')} name="shippedAt" rules={[required]}>
        <DateTimeInput />
      </Form.Item>
      <Form.Item label={t('shipment.courier')} name="courier" rules={[required, { max: 100 }]}>
        <Input />
      </Form.Item>
      <Form.Item label={t('shipment.shipperId')} name="shipperId" rules={[required, { max: 64 }]}>
        <Input />
      </Form.Item>
      <Form.Item label={t('shipment.loggerId')} name="loggerId" rules={[{ max: 64 }]}>
        <ScanInput data-testid="shipment-logger-scan" onScanned={() => form.submit()} />
      </Form.Item>
    </StepForm>
  );
}

/** The shipment as recorded: the time the server took it, beside the user's local time. */
export function ShipmentRecorded({ timeline }: { timeline: TimelineEntry[] }) {
  const { t } = useTranslation();
  const shipment = timeline.find((e) => e.step === 'shipToSite');
  if (!shipment) return null;
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      data-testid="shipment-recorded"
      style={{ marginBottom: 16 }}
    >
      <Descriptions.Item label={t('shipment.recordedAt')}>
        <RecordedAt at={shipment.at} />
      </Descriptions.Item>
      <Descriptions.Item label={t('shipment.recorded')}>{shipment.summary}</Descriptions.Item>
    </Descriptions>
  );
}
