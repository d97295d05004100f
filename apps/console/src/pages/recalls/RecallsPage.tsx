import { App, Button, Card, Descriptions, Empty, Flex, Pagination, Tag } from 'antd';
import { TAG_COLOURS } from '../../components/tag-colours';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, outcome } from '../../api/client';
import { download } from '../../api/download';
import type { Refusal } from '../../api/refusal';
import { RecordedAt } from '../../components/RecordedAt';
import { RefusalAlert } from '../../components/RefusalAlert';
import { mayRaiseRecall, mayReadRecalls } from '../../roles';
import { useSession } from '../../session/SessionContext';
import { RaiseRecallForm } from './RaiseRecallForm';
import { openUnits, type Recall, recallTarget } from './recalls';
import { RecallUnits } from './RecallUnits';

/** Recalls per page, newest first as the gateway lists them. */
const PAGE_SIZE = 5;

/** The menu's link to the recalls, for the roles that read them. */
export function RecallsMenuLink() {
  const { t } = useTranslation();
  const { session } = useSession();
  if (!mayReadRecalls(session?.role ?? '')) return null;
  return (
    <Link to="/recalls" style={{ color: '#fff', padding: '0 8px' }}>
      {t('recalls.menu')}
    </Link>
  );
}

/** One recall: what, why, who signed and when, its units, and its report. */
function RecallCard({ recall, onChanged }: { recall: Recall; onChanged(): void }) {
  const { t } = useTranslation();
  const [refusal, setRefusal] = useState<Refusal>();
  const target = recallTarget(recall);
  const report = async () => {
    const result = await download(
      api.GET('/api/recalls/{recallId}/report.pdf', {
        params: { path: { recallId: recall.recallId } },
        parseAs: 'blob',
      }),
      `recall-${recall.recallId}.pdf`,
    );
    setRefusal(result.ok ? undefined : result.refusal);
  };
  return (
    <Card
      size="small"
      data-testid={`recall-${target}`}
      title={
        <h2 className="card-title">
          {t(`recalls.scopes.${recall.scope}`)} {target}
        </h2>
      }
      extra={<Button onClick={() => void report()}>{t('recalls.report')}</Button>}
    >
      <RefusalAlert refusal={refusal} />
      <Descriptions bordered size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('recalls.classification')}>
          {t(`recalls.classifications.${recall.classification}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('recalls.openUnits')}>
          <Tag color={openUnits(recall).length ? TAG_COLOURS.blocked : TAG_COLOURS.settled}>
            {openUnits(recall).length} / {recall.units.length}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('recalls.reason')} span={2}>
          {recall.reason}
        </Descriptions.Item>
        <Descriptions.Item label={t('recalls.decidedBy')}>
          {recall.decidedBy.userId} · {t(`roles.${recall.decidedBy.role}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('recalls.decidedAt')}>
          <RecordedAt at={recall.decidedAt} />
        </Descriptions.Item>
      </Descriptions>
      <h3>{t('recalls.units')}</h3>
      <RecallUnits recall={recall} onRecorded={onChanged} />
    </Card>
  );
}

/**
 * Recalls (QA-04, TRC-01): the qualified person raises a signed recall of a batch or a
 * key-material lot; QA and ops follow each affected journey to its disposition (both may record
 * one, as the gateway allows) and download the report.
 */
export function RecallsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { session } = useSession();
  const [recalls, setRecalls] = useState<Recall[]>([]);
  const [refusal, setRefusal] = useState<Refusal>();
  const [loading, setLoading] = useState(false);
  const [page, setPage] = useState(1);

  const load = useCallback(async () => {
    setLoading(true);
    const result = await outcome<Recall[]>(api.GET('/api/recalls'));
    setLoading(false);
    if (result.ok) setRecalls(result.data);
    setRefusal(result.ok ? undefined : result.refusal);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Card
      title={<h1 className="card-title">{t('recalls.title')}</h1>}
      extra={
        <Button loading={loading} onClick={() => void load()}>
          {t('recalls.refresh')}
        </Button>
      }
    >
      <RefusalAlert refusal={refusal} />
      {mayRaiseRecall(session?.role ?? '') && (
        <RaiseRecallForm
          onRaised={() => {
            void message.success(t('recalls.raised'));
            void load();
          }}
        />
      )}
      {recalls.length === 0 ? (
        <Empty description={t('recalls.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Flex vertical gap={16}>
          {recalls.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((recall) => (
            <RecallCard key={recall.recallId} recall={recall} onChanged={() => void load()} />
          ))}
          <Pagination
            align="end"
            current={page}
            pageSize={PAGE_SIZE}
            total={recalls.length}
            hideOnSinglePage
            onChange={setPage}
          />
        </Flex>
      )}
    </Card>
  );
}
