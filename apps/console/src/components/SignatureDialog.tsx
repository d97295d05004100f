import { Alert, Descriptions, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outcome } from '../api/client';
import type { Refusal } from '../api/refusal';
import { useSession } from '../session/SessionContext';
import { RefusalAlert } from './RefusalAlert';

export interface SignatureInput {
  password: string;
  comment?: string;
}

interface Props {
  open: boolean;
  /** What is signed, in the user's words: e.g. "放行供者材料". */
  action: string;
  /** The signature's meaning as the server records it (SIGNED_STEPS): released, rejected… */
  meaning: 'released' | 'rejected' | 'approved' | 'closed' | 'reviewed' | 'assessed' | 'recalled';
  donorCode: string;
  /** The statement's text when the signed record is not one donor's (e.g. a recall). */
  statementKey?: string;
  /** Sends the signed decision; a refusal (CSV-02 for a wrong password) stays in the dialog. */
  sign(input: SignatureInput): Promise<Outcome<unknown>>;
  onSigned(): void;
  onCancel(): void;
}

/**
 * The electronic signature (CSV-02): who signs, what and with which meaning, shown before
 * the password is re-entered; the password goes with this one request and is never kept.
 */
export function SignatureDialog(props: Props) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [form] = Form.useForm<SignatureInput>();
  const [refusal, setRefusal] = useState<Refusal>();
  const [busy, setBusy] = useState(false);
  const meaning = t(`signature.meanings.${props.meaning}`);

  const submit = async (values: SignatureInput) => {
    setBusy(true);
    const result = await props.sign(values);
    setBusy(false);
    form.setFieldValue('password', '');
    if (!result.ok) return setRefusal(result.refusal);
    setRefusal(undefined);
    form.resetFields();
    props.onSigned();
  };

  return (
    <Modal
      open={props.open}
      title={t('signature.title')}
      okText={t('signature.sign')}
      cancelText={t('signature.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => {
        setRefusal(undefined);
        form.resetFields();
        props.onCancel();
      }}
      destroyOnHidden
    >
      <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('signature.meaning')}>
          <strong data-testid="signature-meaning">{meaning}</strong>
        </Descriptions.Item>
      </Descriptions>
      <Alert
        type="info"
        title={t(props.statementKey ?? 'signature.statement', {
          username: session?.username,
          role: t(`roles.${session?.role}`),
          donorCode: props.donorCode,
          action: props.action,
          meaning,
        })}
        style={{ marginBottom: 16 }}
      />
      <RefusalAlert refusal={refusal} />
      <Form<SignatureInput> form={form} layout="vertical" onFinish={submit}>
        <Form.Item label={t('signature.comment')} name="comment">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item
          label={t('signature.password')}
          name="password"
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
