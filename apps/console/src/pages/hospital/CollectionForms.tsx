import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, outcome, stepParams } from '../../api/client';
import { DateTimeInput } from '../../components/DateTimeInput';
import { StepForm } from '../../components/StepForm';
import { instantOf, localInputValue } from '../../format';

interface StepProps {
  donorCode: string;
  onRecorded(): void;
}

const nowValue = () => localInputValue(new Date());

/** The collection at the institution: when it ended, the volume, the bag's lot, who collected. */
export function CollectionForm({ donorCode, onRecorded }: StepProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{
    collectedAt: string;
    volumeMl: number;
    bagLot: string;
    collectionOperator: string;
  }>();
  const required = { required: true, message: t('form.required') };
  return (
    <StepForm
      form={form}
      name="collection-form"
      title={t('hospital.collection.title')}
      submitLabel={t('hospital.collection.submit')}
      initialValues={{ collectedAt: nowValue() }}
      send={(v) =>
        outcome(
          api.POST('/api/journeys/{donorCode}/record-collection', {
            params: stepParams(donorCode),
            body: { ...v, collectedAt: instantOf(v.collectedAt) },
          }),
        )
      }
      onRecorded={onRecorded}
    >
      <Form.Item label={t('hospital.collection.collectedAt')} name="collectedAt" rules={[required]}>
        <DateTimeInput />
      </Form.Item>
      <Form.Item label={t('hospital.collection.volumeMl')} name="volumeMl" rules={[required]}>
        <InputNumber min={0.1} max={2000} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        label={t('hospital.collection.bagLot')}
        name="bagLot"
        rules={[required, { max: 64 }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        label={t('hospital.collection.operator')}
        name="collectionOperator"
        rules={[required, { max: 100 }]}
      >
        <Input />
      </Form.Item>
    </StepForm>
  );
}

/** The storage between collection and hand-over: from–until, the range kept, where. */
export function StorageForm({ donorCode, onRecorded }: StepProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{
    storedFrom: string;
    storedUntil: string;
    minTemperatureC: number;
    maxTemperatureC: number;
    location: string;
  }>();
  const required = { required: true, message: t('form.required') };
  return (
    <StepForm
      form={form}
      name="storage-form"
      title={t('hospital.storage.title')}
      submitLabel={t('hospital.storage.submit')}
      initialValues={{ storedUntil: nowValue() }}
      send={(v) =>
        outcome(
          api.POST('/api/journeys/{donorCode}/record-post-collection-storage', {
            params: stepParams(donorCode),
            body: {
              ...v,
              storedFrom: instantOf(v.storedFrom),
              storedUntil: instantOf(v.storedUntil),
            },
          }),
        )
      }
      onRecorded={onRecorded}
    >
      <Form.Item label={t('hospital.storage.storedFrom')} name="storedFrom" rules={[required]}>
        <DateTimeInput />
      </Form.Item>
      <Form.Item
        label={t('hospital.storage.storedUntil')}
        name="storedUntil"
        dependencies={['storedFrom']}
        rules={[
          required,
          ({ getFieldValue }) => ({
            validator: (_r, until?: string) =>
              !until || !getFieldValue('storedFrom') || until > getFieldValue('storedFrom')
                ? Promise.resolve()
                : Promise.reject(new Error(t('hospital.storage.untilAfterFrom'))),
          }),
        ]}
      >
        <DateTimeInput />
      </Form.Item>
      <Form.Item
        label={t('hospital.storage.minTemperatureC')}
        name="minTemperatureC"
        rules={[required]}
      >
        <InputNumber min={-200} max={60} step={0.1} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        label={t('hospital.storage.maxTemperatureC')}
        name="maxTemperatureC"
        dependencies={['minTemperatureC']}
        rules={[
          required,
          ({ getFieldValue }) => ({
            validator: (_r, max?: number) =>
              max === undefined || max === null || max >= getFieldValue('minTemperatureC')
                ? Promise.resolve()
                : Promise.reject(new Error(t('hospital.storage.maxAboveMin'))),
          }),
        ]}
      >
        <InputNumber min={-200} max={60} step={0.1} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        label={t('hospital.storage.location')}
        name="location"
        rules={[required, { max: 100 }]}
      >
        <Input />
      </Form.Item>
    </StepForm>
  );
}

/** The hand-over to the courier: when, to whom, in which qualified shipper and package. */
export function HandOverForm({ donorCode, onRecorded }: StepProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{
    handedOverAt: string;
    courier: string;
    shipperId: string;
    packageId: string;
  }>();
  const required = { required: true, message: t('form.required') };
  return (
    <StepForm
      form={form}
      name="hand-over-form"
      title={t('hospital.handOver.title')}
      submitLabel={t('hospital.handOver.submit')}
      initialValues={{ handedOverAt: nowValue() }}
      send={(v) =>
        outcome(
          api.POST('/api/journeys/{donorCode}/hand-over-to-courier', {
            params: stepParams(donorCode),
            body: { ...v, handedOverAt: instantOf(v.handedOverAt) },
          }),
        )
      }
      onRecorded={onRecorded}
    >
      <Form.Item label={t('hospital.handOver.handedOverAt')} name="handedOverAt" rules={[required]}>
        <DateTimeInput />
      </Form.Item>
      <Form.Item
        label={t('hospital.handOver.courier')}
        name="courier"
        rules={[required, { max: 100 }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        label={t('hospital.handOver.shipperId')}
        name="shipperId"
        rules={[required, { max: 64 }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        label={t('hospital.handOver.packageId')}
        name="packageId"
        rules={[required, { max: 64 }]}
      >
        <Input />
      </Form.Item>
    </StepForm>
  );
}
