import { Alert, Button, Descriptions, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, outcome } from '../../api/client';
import type { Refusal } from '../../api/refusal';
import type { LedgerVerification as Verification } from '../../api/views';
import { RefusalAlert } from '../../components/RefusalAlert';

type Scope = 'journey' | 'ledger';

/**
 * TRC-01, CSV-01: the ledger's hash chains recomputed from their stored content, the journey's
 * own chain or every chain, with the verdict and the first broken entry if there is one.
 */
export function LedgerVerification({ donorCode }: { donorCode: string }) {
  const { t } = useTranslation();
  const [verifying, setVerifying] = useState<Scope>();
  const [verdict, setVerdict] = useState<{ scope: Scope; result: Verification }>();
  const [refusal, setRefusal] = useState<Refusal>();

  const verify = async (scope: Scope) => {
    setVerifying(scope);
    setVerdict(undefined);
    setRefusal(undefined);
    const result = await outcome<Verification>(
      api.POST('/api/ledger/verify', { body: scope === 'journey' ? { donorCode } : {} }),
    );
    setVerifying(undefined);
    if (result.ok) setVerdict({ scope, result: result.data });
    else setRefusal(result.refusal);
  };

  const broken = verdict?.result.firstBroken;
  return (
    <section aria-label={t('inspector.ledger.title')} style={{ marginBottom: 16 }}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Button onClick={() => void verify('journey')} loading={verifying === 'journey'}>
          {t('journey.verify')}
        </Button>
        <Button onClick={() => void verify('ledger')} loading={verifying === 'ledger'}>
          {t('inspector.ledger.verifyAll')}
        </Button>
      </Space>
      <RefusalAlert refusal={refusal} />
      {verifying && <Alert type="info" showIcon title={t('journey.verifying')} />}
      {verdict && (
        <Alert
          data-testid="ledger-result"
          type={verdict.result.valid ? 'success' : 'error'}
          showIcon
          title={verdict.result.valid ? t('journey.ledgerValid') : t('journey.ledgerBroken')}
          description={
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('inspector.ledger.scope')}>
                {verdict.scope === 'journey'
                  ? t('inspector.ledger.journeyChain', { donorCode })
                  : t('inspector.ledger.everyChain')}
              </Descriptions.Item>
              <Descriptions.Item label={t('inspector.ledger.checked')}>
                <span data-testid="ledger-checked">
                  {t('inspector.ledger.counts', {
                    chains: verdict.result.chainsChecked,
                    entries: verdict.result.entriesChecked,
                  })}
                </span>
              </Descriptions.Item>
              {broken && (
                <Descriptions.Item label={t('inspector.ledger.firstBroken')}>
                  <span data-testid="ledger-first-broken">
                    {t('inspector.ledger.brokenEntry', {
                      chainId: broken.chainId,
                      seq: broken.seq,
                      reason: t(`inspector.ledger.reasons.${broken.reason}`),
                    })}
                  </span>
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('journey.headHash')}>
                <code>{verdict.result.ledgerHeadHash}</code>
              </Descriptions.Item>
            </Descriptions>
          }
          style={{ marginBottom: 16 }}
        />
      )}
    </section>
  );
}
