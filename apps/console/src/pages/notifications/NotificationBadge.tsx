import { Badge } from 'antd';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NotificationPage } from '@v2v/contracts';
import { api, outcome } from '../../api/client';
import { useSession } from '../../session/SessionContext';
import { BADGE_PAGE } from './notifications';

/** How often the menu asks again, so an urgent notification shows without a reload. */
const POLL_MS = 60_000;

const CountContext = createContext<{ count: number; refreshCount(): void }>({
  count: 0,
  refreshCount: () => undefined,
});

export const useNotificationCount = () => useContext(CountContext);

/** The hospital user's unacknowledged notifications, counted for the menu's badge (TRC-04). */
export function NotificationCountProvider({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const [count, setCount] = useState(0);
  const counts = session?.role === 'hospital' && !session.mustChangePassword;

  const refreshCount = useCallback(() => {
    if (!counts) return setCount(0);
    void outcome<NotificationPage>(
      api.GET('/api/notifications', {
        params: { query: { unacknowledged: 'true', limit: BADGE_PAGE } },
      }),
    ).then((result) => {
      if (result.ok) setCount(result.data.notifications.length);
    });
  }, [counts]);

  useEffect(() => {
    refreshCount();
    const timer = setInterval(refreshCount, POLL_MS);
    return () => clearInterval(timer);
  }, [refreshCount]);

  const value = useMemo(() => ({ count, refreshCount }), [count, refreshCount]);
  return <CountContext.Provider value={value}>{children}</CountContext.Provider>;
}

/** The menu's link to the feed with its badge; shown to hospital users only. */
export function NotificationMenuLink() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { count } = useNotificationCount();
  if (session?.role !== 'hospital') return null;
  return (
    <Badge
      count={count}
      overflowCount={BADGE_PAGE - 1}
      // antd's default red (#ff4d4f) under white digits fails WCAG AA contrast; red-7 passes.
      color="#cf1322"
      data-testid="notification-badge"
    >
      <Link to="/notifications" style={{ color: '#fff', padding: '0 8px' }}>
        {t('notifications.menu')}
      </Link>
    </Badge>
  );
}
