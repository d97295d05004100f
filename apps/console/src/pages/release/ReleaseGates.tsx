import { Alert, App, Button, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, outcome } from '../../api/client';
import type { Refusal } from '../../api/refusal';
import { RecordedAt } from '../../components/RecordedAt';
import { RefusalAlert } from '../../components/RefusalAlert';
import { type SignatureInput, SignatureDialog } from '../../components/SignatureDialog';
import { releaseGates } from './quality-api';
import { GATE_COLOURS, openItems, type ReleaseGateStanding } from './release';

interface Props {
  donorCode: string;
  /** Changes when something the gates cover may have changed: the gates are read again. */
  version: number;
  /** The qualified person in release review: the release is offered once releasable. */
  mayRelease: boolean;
  onReleased(): void;
}

/**
 * The batch's release gates as its release child last evaluated them (QA-02.1..5, QA-01,
 * PRD-05): who answers each, its status and what is open. The qualified person's signed
 * release is offered only while every gate is settled or not applicable; the server checks the
 * gates again and refuses QA-02 otherwise.
 */
export function ReleaseGates(props: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { donorCode } = props;
  const [standing, setStanding] = useState<ReleaseGateStanding>();
  const [refusal, setRefusal] = useState<Refusal>();
  const [loading, setLoading] = useState(false);
  const [signing, setSigning] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    const result = await releaseGates(donorCode);
    setLoading(false);
    setRefusal(result.ok ? undefined : result.refusal);
    setStanding(result.ok ? result.data : undefined);
  }, [donorCode]);

  useEffect(() => {
    void load();
  }, [load, props.version]);

  const releaseBatch = ({ password, comment }: SignatureInput) =>
    outcome(
      api.POST('/api/journeys/{donorCode}/release-batch', {
        params: { path: { donorCode }, header: { 'Idempotency-Key': idempotencyKey() } },
        body: { ...(comment ? { comment } : {}), signature: { password } },
      }),
    );

  // Before production completed there is no release child to ask (409 QA-02).
  const notYet = refusal?.status === 409 && refusal.code === 'QA-02';
  const open = standing ? openItems(standing) : [];
  return (
    <section aria-labelledby="gates-title" data-testid="release-gates">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <h2 id="gates-title">{t('release.gates.title')}</h2>
        <Button onClick={() => void load()} loading={loading}>
          {t('release.gates.refresh')}
        </Button>
      </Space>
      {notYet ? (
        <p data-testid="gates-not-yet">{t('release.gates.notYet')}</p>
      ) : (
        <RefusalAlert refusal={refusal} />
      )}
      {standing && (
        <>
          <Alert
            data-testid="releasable"
            type={standing.releasable ? 'success' : 'warning'}
            showIcon
            title={
              standing.releasable
                ? t('release.gates.releasable', { batch: standing.batchNumber })
                : t('release.gates.notReleasable', { items: open.join(', ') })
            }
            description={
              <span>
                {t('release.gates.evaluatedAt')}: <RecordedAt at={standing.evaluatedAt} />
              </span>
            }
            style={{ marginBottom: 16 }}
          />
          <Table
            rowKey={(gate) => `${gate.item}-${gate.answeredBy}`}
            size="small"
            pagination={false}
            dataSource={standing.gates}
            onRow={(gate) => ({ 'data-testid': `gate-${gate.item}-${gate.answeredBy}` }) as object}
            columns={[
              { title: t('release.gates.item'), dataIndex: 'item' },
              {
                title: t('release.gates.answeredBy'),
                dataIndex: 'answeredBy',
                render: (by: string) => t(`release.services.${by}`),
              },
              {
                title: t('release.gates.status'),
                dataIndex: 'status',
                render: (status: keyof typeof GATE_COLOURS, gate) => (
                  <Tag
                    color={GATE_COLOURS[status]}
                    data-testid={`gate-status-${gate.item}-${gate.answeredBy}`}
                  >
                    {t(`release.gateStatus.${status}`)}
                  </Tag>
                ),
              },
              { title: t('release.gates.detail'), dataIndex: 'detail' },
              {
                title: t('release.gates.openRecords'),
                dataIndex: 'openRecords',
                render: (ids: string[]) => ids.join(', ') || '—',
              },
            ]}
          />
          {standing.resultsToFollow.length > 0 && (
            <Alert
              data-testid="results-to-follow"
              type="info"
              showIcon
              title={t('release.gates.toFollow')}
              description={standing.resultsToFollow
                .map((r) => `${r.testCode} (${t('release.gates.dueOn')} ${r.dueOn ?? '—'})`)
                .join('; ')}
              style={{ marginTop: 16 }}
            />
          )}
          {props.mayRelease && standing.releasable && (
            <Button type="primary" onClick={() => setSigning(true)} style={{ marginTop: 16 }}>
              {t('release.gates.release')}
            </Button>
          )}
        </>
      )}
      <SignatureDialog
        open={signing}
        action={t('release.gates.release')}
        meaning="released"
        donorCode={donorCode}
        sign={releaseBatch}
        onCancel={() => setSigning(false)}
        onSigned={() => {
          setSigning(false);
          void message.success(t('release.gates.released'));
          props.onReleased();
        }}
      />
    </section>
  );
}
