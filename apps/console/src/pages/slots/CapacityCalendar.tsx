import { Alert, Button, Card, Empty, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, outcome } from '../../api/client';
import type { Refusal } from '../../api/refusal';
import { RefusalAlert } from '../../components/RefusalAlert';
import {
  addDays,
  CALENDAR_DAYS,
  dayState,
  type LineCapacity,
  type LineDayCapacity,
  localToday,
  type ManufacturingCapacity,
} from './slots';

/** The calendar's day heading: weekday and date, of the calendar day itself (no zone shift). */
function dayHeading(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** Shading by the day's state: none free is grey, the area's validated limit amber. */
const CELL_STYLE = {
  free: {},
  full: { background: '#f0f0f0' },
  'area-limit': { background: '#fff1b8' },
} as const;

function DayCell({ lineCode, cell }: { lineCode: string; cell: LineDayCapacity }) {
  const { t } = useTranslation();
  const state = dayState(cell);
  return (
    <div data-testid={`capacity-${lineCode}-${cell.day}`} data-state={state}>
      <div>
        {t('slots.calendar.free')} <strong data-testid="free">{cell.free}</strong> / {cell.capacity}
      </div>
      <div>
        {t('slots.calendar.taken')} <span data-testid="taken">{cell.taken}</span>
      </div>
      {state === 'full' && <Tag>{t('slots.calendar.full')}</Tag>}
      {state === 'area-limit' && <Tag>{t('slots.calendar.areaLimit')}</Tag>}
    </div>
  );
}

/**
 * The scheduler's capacity calendar: per line the product's latest process may run on and per
 * day, its capacity, the batches held or booked and the places free (PRD-04), two weeks a page.
 */
export function CapacityCalendar() {
  const { t, i18n } = useTranslation();
  const [products, setProducts] = useState<string[]>([]);
  const [productCode, setProductCode] = useState<string>();
  const [from, setFrom] = useState(localToday());
  const [capacity, setCapacity] = useState<ManufacturingCapacity>();
  const [refusal, setRefusal] = useState<Refusal>();
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    void (async () => {
      const result = await outcome<Array<{ productCode: string }>>(
        api.GET('/api/product-specifications'),
      );
      if (!result.ok) return setRefusal(result.refusal);
      const codes = result.data.map((s) => s.productCode);
      setProducts(codes);
      setProductCode((current) => current ?? codes[0]);
    })();
  }, []);

  const load = useCallback(async () => {
    if (!productCode) return;
    setLoading(true);
    const result = await outcome<ManufacturingCapacity>(
      api.GET('/api/manufacturing-capacity', {
        params: { query: { productCode, from, days: CALENDAR_DAYS } },
      }),
    );
    setLoading(false);
    setRefusal(result.ok ? undefined : result.refusal);
    if (result.ok) setCapacity(result.data);
  }, [productCode, from]);

  useEffect(() => {
    void load();
  }, [load]);

  const days = Array.from({ length: CALENDAR_DAYS }, (_, i) => addDays(from, i));
  const columns: ColumnsType<LineCapacity> = [
    {
      title: t('slots.calendar.line'),
      dataIndex: 'lineCode',
      fixed: 'left',
      render: (code: string, line) => (
        <div>
          <strong>{code}</strong>
          <div>
            {t('slots.calendar.area')} {line.areaCode}
          </div>
        </div>
      ),
    },
    ...days.map((day) => ({
      title: dayHeading(day, i18n.language),
      key: day,
      onCell: (line: LineCapacity) => {
        const cell = line.days.find((d) => d.day === day);
        return { style: cell ? CELL_STYLE[dayState(cell)] : {} };
      },
      render: (_: unknown, line: LineCapacity) => {
        const cell = line.days.find((d) => d.day === day);
        return cell ? <DayCell lineCode={line.lineCode} cell={cell} /> : '—';
      },
    })),
  ];

  return (
    <Card
      title={<h1 className="card-title">{t('slots.calendar.title')}</h1>}
      extra={<Link to="/">{t('journey.back')}</Link>}
    >
      <RefusalAlert refusal={refusal} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('slots.calendar.product')}
          value={productCode}
          onChange={setProductCode}
          style={{ width: 200 }}
          options={products.map((code) => ({ value: code, label: code }))}
        />
        <Button onClick={() => setFrom(addDays(from, -CALENDAR_DAYS))}>
          {t('slots.calendar.previous')}
        </Button>
        <Input
          type="date"
          aria-label={t('slots.calendar.from')}
          value={from}
          onChange={(e) => e.target.value && setFrom(e.target.value)}
          style={{ width: 180 }}
        />
        <Button onClick={() => setFrom(addDays(from, CALENDAR_DAYS))}>
          {t('slots.calendar.next')}
        </Button>
      </Space>
      {capacity && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${capacity.productCode} · ${t('slots.calendar.process')} v${capacity.processVersion}`}
          description={
            capacity.maxConcurrentLinesInArea === null
              ? t('slots.calendar.noLimit')
              : t('slots.calendar.limit', { limit: capacity.maxConcurrentLinesInArea })
          }
        />
      )}
      {capacity && capacity.lines.length === 0 ? (
        <Empty description={t('slots.calendar.noLines')} />
      ) : (
        // The grid scrolls sideways in a region the keyboard can reach (a scrolling antd table
        // body is not focusable, so a long list of lines would be out of a keyboard user's reach).
        <div
          role="region"
          aria-label={t('slots.calendar.title')}
          tabIndex={0}
          style={{ overflowX: 'auto' }}
        >
          <Table<LineCapacity>
            rowKey="lineCode"
            size="small"
            bordered
            loading={loading}
            pagination={false}
            dataSource={capacity?.lines ?? []}
            columns={columns}
            data-testid="capacity-calendar"
          />
        </div>
      )}
    </Card>
  );
}
