import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstructionsForUseShipment } from '@v2v/contracts';
import { api, outcome } from '../../api/client';
import { download } from '../../api/download';
import type { Refusal } from '../../api/refusal';
import { RecordedAt } from '../../components/RecordedAt';
import { RefusalAlert } from '../../components/RefusalAlert';

/**
 * The instructions for use that travelled with the product (OTH-01, §12(1)): the PDF, and the
 * acknowledgement of their receipt the infusion waits for (`onAcknowledged` tells the page).
 */
export function InstructionsForUseCard(props: {
  donorCode: string;
  onAcknowledged(acknowledged: boolean): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { donorCode, onAcknowledged } = props;
  const [shipment, setShipment] = useState<InstructionsForUseShipment>();
  const [refusal, setRefusal] = useState<Refusal>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await outcome<InstructionsForUseShipment>(
      api.GET('/api/journeys/{donorCode}/instructions-for-use', {
        params: { path: { donorCode } },
      }),
    );
    setRefusal(result.ok ? undefined : result.refusal);
    if (result.ok) setShipment(result.data);
    onAcknowledged(result.ok && result.data.acknowledgement !== null);
  }, [donorCode, onAcknowledged]);

  useEffect(() => {
    void load();
  }, [load]);

  const downloadPdf = async () => {
    const result = await download(
      api.GET('/api/journeys/{donorCode}/instructions-for-use.pdf', {
        params: { path: { donorCode } },
        parseAs: 'blob',
      }),
      `instructions-for-use-${donorCode}.pdf`,
    );
    setRefusal(result.ok ? undefined : result.refusal);
  };

  const acknowledge = async () => {
    setBusy(true);
    const result = await outcome(
      api.POST('/api/journeys/{donorCode}/instructions-for-use/acknowledgement', {
        params: { path: { donorCode } },
        body: {},
      }),
    );
    setBusy(false);
    if (!result.ok) return setRefusal(result.refusal);
    void message.success(t('form.recorded'));
    await load();
  };

  const acknowledgement = shipment?.acknowledgement;
  return (
    <Card
      size="small"
      title={<h2 className="card-title">{t('site.ifu.title')}</h2>}
      data-testid="instructions-for-use"
      style={{ marginBottom: 16 }}
    >
      <RefusalAlert refusal={refusal} />
      {shipment && (
        <Space direction="vertical">
          <Typography.Text>
            {t('site.ifu.version', {
              product: shipment.productCode,
              version: shipment.specificationVersion,
            })}
          </Typography.Text>
          <Typography.Text type="secondary" copyable={{ text: shipment.contentSha256 }}>
            SHA-256 {shipment.contentSha256.slice(0, 16)}…
          </Typography.Text>
          <Space>
            <Button onClick={() => void downloadPdf()}>{t('site.ifu.download')}</Button>
            {!acknowledgement && (
              <Button type="primary" loading={busy} onClick={() => void acknowledge()}>
                {t('site.ifu.acknowledge')}
              </Button>
            )}
          </Space>
          {acknowledgement ? (
            <Alert
              type="success"
              showIcon
              data-testid="ifu-acknowledged"
              message={
                <>
                  {t('site.ifu.acknowledged', { by: acknowledgement.acknowledgedBy.userId })}{' '}
                  <RecordedAt at={acknowledgement.acknowledgedAt} />
                </>
              }
            />
          ) : (
            <Alert type="warning" showIcon message={t('site.ifu.requiredBeforeInfusion')} />
          )}
        </Space>
      )}
    </Card>
  );
}
