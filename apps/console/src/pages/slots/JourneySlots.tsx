import { Button, Descriptions, Empty, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, outcome } from '../../api/client';
import type { Refusal } from '../../api/refusal';
import { RecordedAt } from '../../components/RecordedAt';
import { RefusalAlert } from '../../components/RefusalAlert';
import { bookedSlot, lastManufacturingDay, type ManufacturingSlot, replacedBy } from './slots';

/** The booked slot stands out; antd's blue tag is the one that keeps AA contrast. */
const STATUS_COLOURS = { held: 'default', booked: 'blue', released: 'default' } as const;

/**
 * The journey's manufacturing slot and its history, newest first: every booking, rebooking
 * and release, with who asked and why. `version` changes when the journey records a step, so
 * the slots are read again; the journey confirms a rebooking just after the step, hence the
 * refresh button.
 */
export function JourneySlots({ donorCode, version }: { donorCode: string; version: number }) {
  const { t } = useTranslation();
  const [slots, setSlots] = useState<ManufacturingSlot[]>();
  const [refusal, setRefusal] = useState<Refusal>();
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    const result = await outcome<ManufacturingSlot[]>(
      api.GET('/api/journeys/{donorCode}/manufacturing-slots', {
        params: { path: { donorCode } },
      }),
    );
    setLoading(false);
    setRefusal(result.ok ? undefined : result.refusal);
    if (result.ok) setSlots(result.data);
  }, [donorCode]);

  useEffect(() => {
    void load();
  }, [load, version]);

  const booked = slots && bookedSlot(slots);
  const replacements = replacedBy(slots ?? []);
  const shortId = (id: string) => id.slice(0, 8);
  return (
    <section aria-labelledby="slots-title" data-testid="manufacturing-slots">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <h2 id="slots-title">{t('slots.journey.title')}</h2>
        <Button onClick={() => void load()} loading={loading}>
          {t('slots.journey.refresh')}
        </Button>
      </Space>
      <RefusalAlert refusal={refusal} />
      {booked ? (
        <Descriptions
          bordered
          size="small"
          column={2}
          title={t('slots.journey.booked')}
          data-testid="booked-slot"
          style={{ marginBottom: 16 }}
        >
          <Descriptions.Item label={t('slots.journey.line')}>
            <span data-testid="booked-line">{booked.lineCode}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('slots.journey.area')}>{booked.areaCode}</Descriptions.Item>
          <Descriptions.Item label={t('slots.journey.startsOn')}>
            <span data-testid="booked-starts-on">{booked.startsOn}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('slots.journey.lastDay')}>
            {lastManufacturingDay(booked)}
          </Descriptions.Item>
          <Descriptions.Item label={t('slots.journey.plannedShipment')}>
            {booked.plannedShipmentOn ?? t('slots.journey.notPlanned')}
          </Descriptions.Item>
          {booked.batchNumber && (
            <Descriptions.Item label={t('slots.journey.batch')}>
              {booked.batchNumber}
            </Descriptions.Item>
          )}
        </Descriptions>
      ) : (
        slots && (
          <Empty description={t('slots.journey.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        )
      )}
      {slots && slots.length > 0 && (
        <div data-testid="slot-history">
          <h3>{t('slots.journey.history')}</h3>
          <Table<ManufacturingSlot>
            rowKey="slotId"
            size="small"
            pagination={false}
            dataSource={slots}
            scroll={{ x: true }}
            columns={[
              {
                title: t('slots.journey.status'),
                dataIndex: 'status',
                render: (status: ManufacturingSlot['status']) => (
                  <Tag color={STATUS_COLOURS[status]}>{t(`slots.journey.statuses.${status}`)}</Tag>
                ),
              },
              { title: t('slots.journey.line'), dataIndex: 'lineCode' },
              { title: t('slots.journey.startsOn'), dataIndex: 'startsOn' },
              {
                title: t('slots.journey.lastDay'),
                key: 'lastDay',
                render: (_, slot) => lastManufacturingDay(slot),
              },
              {
                title: t('slots.journey.plannedShipment'),
                dataIndex: 'plannedShipmentOn',
                render: (day: string | null) => day ?? '—',
              },
              {
                title: t('slots.journey.reason'),
                key: 'reason',
                render: (_, slot) => (
                  <div>
                    <div>{slot.reason}</div>
                    {slot.replacesSlotId && (
                      <div>
                        {t('slots.journey.replaces')} {shortId(slot.replacesSlotId)}
                      </div>
                    )}
                  </div>
                ),
              },
              {
                title: t('slots.journey.requestedAt'),
                key: 'requestedAt',
                render: (_, slot) => (
                  <div>
                    <RecordedAt at={slot.requestedAt} />
                    <div>{slot.requestedBy.userId}</div>
                  </div>
                ),
              },
              {
                title: t('slots.journey.released'),
                key: 'released',
                render: (_, slot) => {
                  if (!slot.releasedAt) return '—';
                  const next = replacements.get(slot.slotId);
                  return (
                    <div data-testid="slot-release">
                      <RecordedAt at={slot.releasedAt} />
                      <div>{slot.releaseReason}</div>
                      {next && (
                        <div>
                          {t('slots.journey.replacedBy')} {shortId(next)}
                        </div>
                      )}
                    </div>
                  );
                },
              },
              {
                title: 'ID',
                dataIndex: 'slotId',
                render: (id: string) => <code title={id}>{shortId(id)}</code>,
              },
            ]}
          />
        </div>
      )}
    </section>
  );
}
