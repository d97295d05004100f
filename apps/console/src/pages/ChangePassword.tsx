import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, outcome } from '../api/client';
import type { Refusal } from '../api/refusal';
import { showFieldErrors } from '../components/field-errors';
import { RefusalAlert } from '../components/RefusalAlert';
import { useSession } from '../session/SessionContext';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

/** The policy's length, checked before sending; the server checks the whole policy. */
const MIN_LENGTH = 12;

/**
 * Changing one's own password. A new or reset account's token reaches only this call; the
 * change ends every earlier session, so the user signs in again with the new password.
 */
export function ChangePassword() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session, signIn, signOut } = useSession();
  const [refusal, setRefusal] = useState<Refusal>();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<PasswordForm>();

  const submit = async ({ currentPassword, newPassword }: PasswordForm) => {
    setBusy(true);
    const changed = await outcome(
      api.POST('/api/auth/password', { body: { currentPassword, newPassword } }),
    );
    if (!changed.ok) {
      setBusy(false);
      showFieldErrors(form, changed.refusal, ['currentPassword', 'newPassword']);
      return setRefusal(changed.refusal);
    }
    const login = await outcome<{ accessToken: string }>(
      api.POST('/api/auth/login', {
        body: { username: session?.username ?? '', password: newPassword },
      }),
    );
    setBusy(false);
    if (!login.ok) return signOut('changed');
    signIn(login.data.accessToken);
    navigate('/');
  };

  return (
    <Card
      title={<h1 className="card-title">{t('password.title')}</h1>}
      style={{ maxWidth: 480, margin: '48px auto' }}
    >
      {session?.mustChangePassword && (
        <Alert type="info" showIcon title={t('password.required')} style={{ marginBottom: 16 }} />
      )}
      <RefusalAlert refusal={refusal} />
      <Form<PasswordForm> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          label={t('password.current')}
          name="currentPassword"
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('password.next')}
          name="newPassword"
          extra={t('password.rules')}
          rules={[
            { required: true, message: t('form.required') },
            { min: MIN_LENGTH, message: t('password.tooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('password.repeat')}
          name="repeat"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('form.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
