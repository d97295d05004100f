import { App, Button, Card, Space, Switch, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InstitutionNotification, NotificationPage } from '@v2v/contracts';
import { api, outcome } from '../../api/client';
import type { Refusal } from '../../api/refusal';
import { RecordedAt } from '../../components/RecordedAt';
import { RefusalAlert } from '../../components/RefusalAlert';
import { useSession } from '../../session/SessionContext';
import { notificationText, urgentFirst } from './notifications';
import { useNotificationCount } from './NotificationBadge';
import { TAG_COLOURS } from '../../components/tag-colours';

const SEVERITY_COLOURS = {
  info: 'default',
  attention: TAG_COLOURS.open,
  urgent: TAG_COLOURS.blocked,
} as const;

/**
 * The institution's notification feed (TRC-04), paged as the gateway pages it (newest first,
 * older pages appended), each page with its overdue and urgent unacknowledged ones on top; the
 * hospital acknowledges each.
 */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { session } = useSession();
  const { refreshCount } = useNotificationCount();
  const [pages, setPages] = useState<InstitutionNotification[][]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [unacknowledged, setUnacknowledged] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    async (cursor?: string) => {
      setBusy(true);
      const result = await outcome<NotificationPage>(
        api.GET('/api/notifications', {
          params: { query: { cursor, unacknowledged: unacknowledged ? 'true' : undefined } },
        }),
      );
      setBusy(false);
      if (!result.ok) return setRefusal(result.refusal);
      setRefusal(undefined);
      const page = urgentFirst(result.data.notifications);
      setPages((before) => (cursor ? [...before, page] : [page]));
      setNextCursor(result.data.nextCursor);
    },
    [unacknowledged],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const acknowledge = async (id: string) => {
    const result = await outcome(
      api.POST('/api/notifications/{notificationId}/acknowledgement', {
        params: { path: { notificationId: id } },
        body: {},
      }),
    );
    if (!result.ok) return setRefusal(result.refusal);
    void message.success(t('form.recorded'));
    refreshCount();
    await load();
  };

  const text = (n: InstitutionNotification) => {
    const { key, values } = notificationText(n, (k) => i18n.exists(k));
    return t(key, values);
  };

  return (
    <Card title={<h1 className="card-title">{t('notifications.title')}</h1>}>
      <RefusalAlert refusal={refusal} />
      <Space style={{ marginBottom: 16 }}>
        <Switch
          checked={unacknowledged}
          onChange={setUnacknowledged}
          aria-label={t('notifications.unacknowledgedOnly')}
        />
        {t('notifications.unacknowledgedOnly')}
        <Button onClick={() => void load()}>{t('notifications.refresh')}</Button>
      </Space>
      <Table<InstitutionNotification>
        rowKey="id"
        data-testid="notification-feed"
        loading={busy}
        pagination={false}
        dataSource={pages.flat()}
        columns={[
          {
            title: t('notifications.level'),
            key: 'severity',
            render: (_, n) => (
              <Space>
                <Tag color={SEVERITY_COLOURS[n.severity]}>
                  {t(`notifications.severity.${n.severity}`)}
                </Tag>
                {n.overdue && <Tag color="red">{t('notifications.overdue')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('notifications.donorCode'),
            key: 'donorCode',
            render: (_, n) =>
              n.donorCode && <Link to={`/journeys/${n.donorCode}`}>{n.donorCode}</Link>,
          },
          { title: t('notifications.message'), key: 'message', render: (_, n) => text(n) },
          {
            title: t('notifications.occurredAt'),
            key: 'occurredAt',
            render: (_, n) => <RecordedAt at={n.occurredAt} />,
          },
          {
            title: t('notifications.acknowledge'),
            key: 'acknowledgement',
            render: (_, n) =>
              n.acknowledgement ? (
                <span>
                  {t('notifications.acknowledged', {
                    by: n.acknowledgement.acknowledgedBy.userId,
                  })}{' '}
                  <RecordedAt at={n.acknowledgement.acknowledgedAt} />
                </span>
              ) : (
                session?.role === 'hospital' && (
                  <Button size="small" onClick={() => void acknowledge(n.id)}>
                    {t('notifications.acknowledge')}
                  </Button>
                )
              ),
          },
        ]}
      />
      {nextCursor && (
        <Button style={{ marginTop: 16 }} onClick={() => void load(nextCursor)}>
          {t('notifications.more')}
        </Button>
      )}
    </Card>
  );
}
