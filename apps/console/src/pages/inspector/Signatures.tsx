import { Button, Empty, Flex, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, outcome } from '../../api/client';
import type { Refusal } from '../../api/refusal';
import { RecordedAt } from '../../components/RecordedAt';
import { RefusalAlert } from '../../components/RefusalAlert';
import { GATE_COLOURS } from '../release/release';

/** A journey's signature as the gateway's signature registry answers it (CSV-02). */
interface JourneySignature {
  signatureId: string;
  signer: { userId: string; role: string };
  meaning: string;
  signedAt: string;
  step: string;
  signedContentHash: string;
  valid: boolean;
  voidReason?: string;
}

/**
 * CSV-02: the journey's electronic signatures, each checked now against its record as stored:
 * a record changed after signing shows its signature void, with the reason.
 */
export function Signatures({ donorCode, version }: { donorCode: string; version: number }) {
  const { t } = useTranslation();
  const [signatures, setSignatures] = useState<JourneySignature[]>([]);
  const [refusal, setRefusal] = useState<Refusal>();
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    const result = await outcome<JourneySignature[]>(
      api.GET('/api/journeys/{donorCode}/signatures', { params: { path: { donorCode } } }),
    );
    setLoading(false);
    if (result.ok) setSignatures(result.data);
    setRefusal(result.ok ? undefined : result.refusal);
  }, [donorCode]);

  useEffect(() => {
    void load();
  }, [load, version]);

  return (
    <section aria-labelledby="signatures-title" data-testid="signatures">
      <Flex align="center" gap={16}>
        <h2 id="signatures-title">{t('inspector.signatures.title')}</h2>
        <Button size="small" loading={loading} onClick={() => void load()}>
          {t('inspector.signatures.refresh')}
        </Button>
      </Flex>
      <RefusalAlert refusal={refusal} />
      {signatures.length === 0 ? (
        <Empty description={t('inspector.signatures.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Table<JourneySignature>
          rowKey="signatureId"
          size="small"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={signatures}
          columns={[
            {
              title: t('signature.meaning'),
              dataIndex: 'meaning',
              render: (meaning: string) => (
                <span data-testid="signature-row-meaning">
                  {t(`signature.meanings.${meaning}`, { defaultValue: meaning })}
                </span>
              ),
            },
            {
              title: t('inspector.signatures.record'),
              dataIndex: 'step',
              render: (step: string) =>
                t(`inspector.signatures.steps.${step}`, { defaultValue: step }),
            },
            {
              title: t('inspector.signatures.signer'),
              key: 'signer',
              render: (_, s) => s.signer.userId,
            },
            {
              title: t('inspector.signatures.role'),
              key: 'role',
              render: (_, s) => t(`roles.${s.signer.role}`, { defaultValue: s.signer.role }),
            },
            {
              title: t('inspector.signatures.signedAt'),
              dataIndex: 'signedAt',
              render: (at: string) => <RecordedAt at={at} />,
            },
            {
              title: t('inspector.signatures.validity'),
              key: 'validity',
              render: (_, s) => (
                <span>
                  <Tag
                    color={s.valid ? GATE_COLOURS.settled : GATE_COLOURS.blocked}
                    data-testid="signature-validity"
                  >
                    {s.valid ? t('inspector.signatures.valid') : t('inspector.signatures.void')}
                  </Tag>
                  {s.voidReason}
                </span>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
