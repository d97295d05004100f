import { Button, Card, Form, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { download } from '../../api/download';
import type { Refusal } from '../../api/refusal';
import { DateTimeInput } from '../../components/DateTimeInput';
import { showFieldErrors } from '../../components/field-errors';
import { instantOf } from '../../format';
import { RefusalAlert } from '../../components/RefusalAlert';

/*
 * The inspector's exports (TRC-01, CSV-01). The gateway serves them behind the bearer token,
 * so each is fetched with the session and handed to the browser as a file.
 */

const FORMATS = ['csv', 'json', 'pdf'] as const;

const journeyExport = (donorCode: string, format: (typeof FORMATS)[number]) => {
  const params = { params: { path: { donorCode } }, parseAs: 'blob' as const };
  if (format === 'csv') return api.GET('/api/journeys/{donorCode}/export.csv', params);
  if (format === 'json') return api.GET('/api/journeys/{donorCode}/export.json', params);
  return api.GET('/api/journeys/{donorCode}/export.pdf', params);
};

/** One journey's record: its trace, signatures and audit trail (CSV, PDF), its chain (JSON). */
export function JourneyExports({ donorCode }: { donorCode: string }) {
  const { t } = useTranslation();
  const [refusal, setRefusal] = useState<Refusal>();
  const [busy, setBusy] = useState<string>();

  const fetchFile = async (format: (typeof FORMATS)[number]) => {
    setBusy(format);
    const result = await download(
      journeyExport(donorCode, format),
      `journey-${donorCode}.${format}`,
    );
    setBusy(undefined);
    setRefusal(result.ok ? undefined : result.refusal);
  };

  return (
    <section aria-label={t('inspector.exports.journey')} data-testid="journey-exports">
      <RefusalAlert refusal={refusal} />
      <Space wrap style={{ marginBottom: 16 }}>
        {FORMATS.map((format) => (
          <Button key={format} loading={busy === format} onClick={() => void fetchFile(format)}>
            {t(`inspector.exports.${format}`)}
          </Button>
        ))}
      </Space>
    </section>
  );
}

interface Range {
  from: string;
  to: string;
}

/**
 * Every journey started between two instants of the user's zone (the gateway takes at most
 * 200; a shorter range when there are more), as CSV or PDF.
 */
export function JourneysExport() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Range>();
  const [refusal, setRefusal] = useState<Refusal>();
  const [busy, setBusy] = useState<string>();
  const rules = [{ required: true, message: t('form.required') }];

  const fetchFile = async (format: 'csv' | 'pdf') => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    const query = { from: instantOf(values.from), to: instantOf(values.to) };
    setBusy(format);
    const init = { params: { query }, parseAs: 'blob' as const };
    const result = await download(
      format === 'csv'
        ? api.GET('/api/exports/journeys.csv', init)
        : api.GET('/api/exports/journeys.pdf', init),
      `journeys-${values.from}-${values.to}.${format}`.replaceAll(':', ''),
    );
    setBusy(undefined);
    if (result.ok) return setRefusal(undefined);
    showFieldErrors(form, result.refusal, ['from', 'to']);
    setRefusal(result.refusal);
  };

  return (
    <Card
      size="small"
      data-testid="journeys-export"
      title={<h2 className="card-title">{t('inspector.exports.journeys')}</h2>}
      style={{ marginBottom: 16 }}
    >
      <RefusalAlert refusal={refusal} />
      <Form<Range> form={form} name="journeys-export" layout="inline">
        <Form.Item label={t('inspector.exports.from')} name="from" rules={rules}>
          <DateTimeInput />
        </Form.Item>
        <Form.Item label={t('inspector.exports.to')} name="to" rules={rules}>
          <DateTimeInput />
        </Form.Item>
        <Space>
          <Button loading={busy === 'csv'} onClick={() => void fetchFile('csv')}>
            {t('inspector.exports.csv')}
          </Button>
          <Button loading={busy === 'pdf'} onClick={() => void fetchFile('pdf')}>
            {t('inspector.exports.pdf')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
