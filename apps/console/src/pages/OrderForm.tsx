import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, outcome } from '../api/client';
import type { Refusal } from '../api/refusal';
import type { Order } from '../api/views';
import { RefusalAlert } from '../components/RefusalAlert';
import { showFieldErrors } from '../components/field-errors';

interface OrderValues {
  patientReference: string;
  institutionId: string;
  productCode: string;
  requestedCollectionDate: string;
}
const FIELDS: Array<keyof OrderValues> = [
  'patientReference',
  'institutionId',
  'productCode',
  'requestedCollectionDate',
];

/** Checked before sending, as the gateway's schema will (it stays the authority). */
const PSEUDONYM = /^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The scheduler's order of a therapy: registers the donor and starts the journey. */
export function OrderForm(props: { open: boolean; onClose(): void; onOrdered(o: Order): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrderValues>();
  const [refusal, setRefusal] = useState<Refusal>();
  const [busy, setBusy] = useState(false);
  const required = { required: true, message: t('form.required') };

  const submit = async (values: OrderValues) => {
    setBusy(true);
    setRefusal(undefined);
    const result = await outcome<Order>(
      api.POST('/api/orders', {
        body: values,
        params: { header: { 'Idempotency-Key': idempotencyKey() } },
      }),
    );
    setBusy(false);
    if (!result.ok) {
      showFieldErrors(form, result.refusal, FIELDS);
      return setRefusal(result.refusal);
    }
    void message.success(t('order.created', { donorCode: result.data.donorCode }));
    form.resetFields();
    props.onOrdered(result.data);
  };

  return (
    <Modal
      open={props.open}
      title={t('order.title')}
      onCancel={props.onClose}
      footer={null}
      destroyOnHidden
    >
      <RefusalAlert refusal={refusal} />
      <Form<OrderValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ institutionId: 'INST-001', productCode: 'CART-CD19' }}
      >
        <Form.Item
          label={t('order.patientReference')}
          name="patientReference"
          rules={[required, { pattern: PSEUDONYM, message: 'A-Z a-z 0-9 -, 3–64' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item label={t('order.institutionId')} name="institutionId" rules={[required]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('order.productCode')} name="productCode" rules={[required]}>
          <Input />
        </Form.Item>
        <Form.Item
          label={t('order.requestedCollectionDate')}
          name="requestedCollectionDate"
          rules={[required, { pattern: ISO_DATE, message: t('order.dateFormat') }]}
        >
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('order.submit')}
        </Button>
      </Form>
    </Modal>
  );
}
