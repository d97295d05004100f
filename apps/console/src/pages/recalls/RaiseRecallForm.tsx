import { Button, Card, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecallRequest } from '@v2v/contracts';
import { api, idempotencyKey, outcome } from '../../api/client';
import { type SignatureInput, SignatureDialog } from '../../components/SignatureDialog';
import { recallTarget } from './recalls';

type RecallValues = Omit<RecallRequest, 'signature'>;

const SCOPES = ['batch', 'key-material-lot'] as const;
const CLASSIFICATIONS = ['I', 'II', 'III'] as const;

/**
 * The qualified person's recall (QA-04): the form is checked first, then signed in the dialog
 * with the password re-entered (CSV-02); a recall that reaches no journey is refused there.
 */
export function RaiseRecallForm({ onRaised }: { onRaised(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RecallValues>();
  const scope = Form.useWatch('scope', form) ?? 'batch';
  const [recall, setRecall] = useState<RecallValues>();
  const required = { required: true, message: t('form.required') };

  const sign = ({ password }: SignatureInput) => {
    if (!recall) throw new Error('no recall to sign');
    const target =
      recall.scope === 'batch'
        ? { batchNumber: recall.batchNumber?.trim() }
        : { lotId: recall.lotId?.trim() };
    return outcome(
      api.POST('/api/recalls', {
        params: { header: { 'Idempotency-Key': idempotencyKey() } },
        body: {
          scope: recall.scope,
          ...target,
          reason: recall.reason.trim(),
          classification: recall.classification,
          signature: { password },
        },
      }),
    );
  };

  return (
    <Card
      size="small"
      title={<h2 className="card-title">{t('recalls.raise')}</h2>}
      data-testid="raise-recall-form"
      style={{ marginBottom: 16 }}
    >
      <Form<RecallValues>
        form={form}
        layout="vertical"
        initialValues={{ scope: 'batch' }}
        onFinish={setRecall}
      >
        <Form.Item label={t('recalls.scope')} name="scope" rules={[required]}>
          <Radio.Group
            options={SCOPES.map((value) => ({ value, label: t(`recalls.scopes.${value}`) }))}
          />
        </Form.Item>
        {scope === 'batch' ? (
          <Form.Item
            label={t('recalls.batchNumber')}
            name="batchNumber"
            rules={[required, { max: 64 }]}
          >
            <Input />
          </Form.Item>
        ) : (
          <Form.Item label={t('recalls.lotId')} name="lotId" rules={[required, { max: 64 }]}>
            <Input />
          </Form.Item>
        )}
        <Form.Item label={t('recalls.reason')} name="reason" rules={[required, { max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item label={t('recalls.classification')} name="classification" rules={[required]}>
          <Radio.Group
            options={CLASSIFICATIONS.map((value) => ({
              value,
              label: t(`recalls.classifications.${value}`),
            }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('recalls.sign')}
        </Button>
      </Form>
      <SignatureDialog
        open={recall !== undefined}
        action={
          recall
            ? t('recalls.action', {
                scope: t(`recalls.scopes.${recall.scope}`),
                target: recallTarget({
                  scope: recall.scope,
                  batchNumber: recall.batchNumber ?? null,
                  lotId: recall.lotId ?? null,
                }),
              })
            : ''
        }
        meaning="recalled"
        donorCode=""
        statementKey="recalls.statement"
        sign={sign}
        onCancel={() => setRecall(undefined)}
        onSigned={() => {
          setRecall(undefined);
          form.resetFields();
          onRaised();
        }}
      />
    </Card>
  );
}
