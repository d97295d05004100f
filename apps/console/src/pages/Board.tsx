import { Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, outcome } from '../api/client';
import type { Refusal } from '../api/refusal';
import type { JourneySummary } from '../api/views';
import { RecordedAt } from '../components/RecordedAt';
import { RefusalAlert } from '../components/RefusalAlert';
import {
  JOURNEY_STAGES,
  mayExportRecords,
  mayListJourneys,
  mayOrder,
  mayReadCapacity,
  type Stage,
} from '../roles';
import { useSession } from '../session/SessionContext';
import { JourneysExport } from './inspector/Exports';
import { OrderForm } from './OrderForm';

const PAGE_SIZE = 20;

/** Journeys by stage, paged, with search by donor unique code and the scheduler's order. */
export function Board() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const role = session?.role ?? '';
  const [stage, setStage] = useState<Stage>();
  const [journeys, setJourneys] = useState<JourneySummary[]>([]);
  const [loading, setLoading] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  const [ordering, setOrdering] = useState(false);

  const load = useCallback(async () => {
    if (!mayListJourneys(role)) return;
    setLoading(true);
    const result = await outcome<JourneySummary[]>(
      api.GET('/api/journeys', { params: { query: stage ? { stage } : {} } }),
    );
    setLoading(false);
    if (result.ok) setJourneys(result.data);
    else setRefusal(result.refusal);
  }, [role, stage]);

  useEffect(() => {
    void load();
  }, [load]);

  const search = async (code: string) => {
    const donorCode = code.trim();
    if (!donorCode) return;
    const result = await outcome(
      api.GET('/api/journeys/{donorCode}', { params: { path: { donorCode } } }),
    );
    if (result.ok) navigate(`/journeys/${encodeURIComponent(donorCode)}`);
    else setRefusal(result.refusal);
  };

  return (
    <Card title={<h1 className="card-title">{t('board.title')}</h1>}>
      <RefusalAlert refusal={refusal} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('board.search')}
          placeholder={t('board.search')}
          enterButton
          onSearch={(code) => void search(code)}
          style={{ width: 320 }}
        />
        {mayListJourneys(role) && (
          <Select
            aria-label={t('board.stage')}
            allowClear
            placeholder={t('board.allStages')}
            value={stage}
            onChange={setStage}
            style={{ width: 200 }}
            options={JOURNEY_STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
          />
        )}
        {mayListJourneys(role) && <Button onClick={() => void load()}>{t('board.refresh')}</Button>}
        {mayReadCapacity(role) && (
          <Link to="/manufacturing-capacity">{t('slots.calendar.open')}</Link>
        )}
        {mayOrder(role) && (
          <Button type="primary" onClick={() => setOrdering(true)}>
            {t('board.order')}
          </Button>
        )}
      </Space>
      {mayExportRecords(role) && <JourneysExport />}
      {mayListJourneys(role) && (
        <Table<JourneySummary>
          rowKey="journeyId"
          loading={loading}
          dataSource={journeys}
          pagination={{ pageSize: PAGE_SIZE, showSizeChanger: false }}
          columns={[
            {
              title: t('board.donorCode'),
              dataIndex: 'donorCode',
              render: (code: string) => (
                <Link to={`/journeys/${encodeURIComponent(code)}`}>{code}</Link>
              ),
            },
            {
              title: t('board.stage'),
              dataIndex: 'stage',
              render: (s: string) => <Tag color="blue">{t(`stages.${s}`)}</Tag>,
            },
            { title: t('board.institution'), dataIndex: 'institutionId' },
            { title: t('board.product'), dataIndex: 'productCode' },
            {
              title: t('board.startedAt'),
              dataIndex: 'startedAt',
              render: (at: string) => <RecordedAt at={at} />,
            },
          ]}
        />
      )}
      <OrderForm
        open={ordering}
        onClose={() => setOrdering(false)}
        onOrdered={(order) => {
          setOrdering(false);
          navigate(`/journeys/${encodeURIComponent(order.donorCode)}`);
        }}
      />
    </Card>
  );
}
