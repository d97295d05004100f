import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, outcome } from '../api/client';
import type { Refusal } from '../api/refusal';
import { RefusalAlert } from '../components/RefusalAlert';
import { useSession } from '../session/SessionContext';

interface Credentials {
  username: string;
  password: string;
}

export function SignIn() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { signIn, notice } = useSession();
  const [refusal, setRefusal] = useState<Refusal>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: Credentials) => {
    setBusy(true);
    const result = await outcome<{ accessToken: string }>(
      api.POST('/api/auth/login', { body: values }),
    );
    setBusy(false);
    if (!result.ok) return setRefusal(result.refusal);
    const session = signIn(result.data.accessToken);
    navigate(session.mustChangePassword ? '/password' : '/');
  };

  return (
    <Card
      title={<h1 className="card-title">{t('signIn.title')}</h1>}
      style={{ maxWidth: 420, margin: '48px auto' }}
    >
      {notice && (
        <Alert
          type={notice === 'expired' ? 'warning' : 'success'}
          showIcon
          title={t(`signIn.${notice}`)}
          style={{ marginBottom: 16 }}
          data-testid="sign-in-notice"
        />
      )}
      <RefusalAlert refusal={refusal} />
      <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          label={t('signIn.username')}
          name="username"
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item
          label={t('signIn.password')}
          name="password"
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('signIn.submit')}
        </Button>
      </Form>
    </Card>
  );
}
