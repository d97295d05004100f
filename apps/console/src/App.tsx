import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { ErrorPage } from './components/ErrorPage';
import { BatchRecordPage } from './pages/batch/BatchRecordPage';
import { Board } from './pages/Board';
import { ChangePassword } from './pages/ChangePassword';
import { JourneyDetail } from './pages/JourneyDetail';
import { NotificationsPage } from './pages/notifications/NotificationsPage';
import { RecallsPage } from './pages/recalls/RecallsPage';
import { SignIn } from './pages/SignIn';
import { CapacityCalendar } from './pages/slots/CapacityCalendar';
import { useSession } from './session/SessionContext';

/**
 * antd's default blue and grey texts fall short of WCAG AA contrast (4.5:1) on white: the
 * console uses the next darker blue and greys that reach it (axe-core checks each screen), also
 * for a button under the pointer (antd's hover blue is lighter than its primary).
 */
const ACCESSIBLE_COLOURS = {
  colorPrimary: '#0958d9',
  colorPrimaryHover: '#003eb3',
  colorPrimaryActive: '#002c8c',
  colorLink: '#0958d9',
  colorTextDescription: 'rgba(0, 0, 0, 0.65)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
};

/** A screen for a signed-in user whose password needs no change; else where they must go. */
function Guarded({ children }: { children: ReactNode }) {
  const { session } = useSession();
  if (!session) return <Navigate to="/sign-in" replace />;
  if (session.mustChangePassword) return <Navigate to="/password" replace />;
  return children;
}

export function App() {
  const { i18n } = useTranslation();
  const { session } = useSession();
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={{ token: ACCESSIBLE_COLOURS }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <AppLayout>
          <ErrorPage>
            <Routes>
              <Route path="/sign-in" element={<SignIn />} />
              <Route
                path="/password"
                element={session ? <ChangePassword /> : <Navigate to="/sign-in" replace />}
              />
              <Route
                path="/"
                element={
                  <Guarded>
                    <Board />
                  </Guarded>
                }
              />
              <Route
                path="/journeys/:donorCode"
                element={
                  <Guarded>
                    <JourneyDetail />
                  </Guarded>
                }
              />
              <Route
                path="/journeys/:donorCode/batch-record"
                element={
                  <Guarded>
                    <BatchRecordPage />
                  </Guarded>
                }
              />
              <Route
                path="/manufacturing-capacity"
                element={
                  <Guarded>
                    <CapacityCalendar />
                  </Guarded>
                }
              />
              <Route
                path="/notifications"
                element={
                  <Guarded>
                    <NotificationsPage />
                  </Guarded>
                }
              />
              <Route
                path="/recalls"
                element={
                  <Guarded>
                    <RecallsPage />
                  </Guarded>
                }
              />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </ErrorPage>
        </AppLayout>
      </AntApp>
    </ConfigProvider>
  );
}
