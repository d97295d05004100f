import { Button, Layout, Segmented, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, type Language } from '../i18n';
import {
  NotificationCountProvider,
  NotificationMenuLink,
} from '../pages/notifications/NotificationBadge';
import { RecallsMenuLink } from '../pages/recalls/RecallsPage';
import { useSession } from '../session/SessionContext';

/** The frame of every screen: title, language switch, who is signed in. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { session, signOut } = useSession();
  return (
    <NotificationCountProvider>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header
          style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}
        >
          <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
            {t('app.title')}
          </Typography.Text>
          <Space>
            <Segmented<Language>
              aria-label={t('app.language')}
              value={i18n.language as Language}
              onChange={chooseLanguage}
              options={[
                { value: 'zh-CN', label: '中文' },
                { value: 'en', label: 'English' },
              ]}
            />
            {session && (
              <>
                <NotificationMenuLink />
                <RecallsMenuLink />
                <Typography.Text style={{ color: '#fff' }} data-testid="signed-in-user">
                  {session.username} · {t(`roles.${session.role}`)}
                </Typography.Text>
                <Button onClick={() => signOut()}>{t('app.signOut')}</Button>
              </>
            )}
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <main>{children}</main>
        </Layout.Content>
      </Layout>
    </NotificationCountProvider>
  );
}
