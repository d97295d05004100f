import { Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, outcome } from '../../api/client';
import type { Refusal } from '../../api/refusal';
import { RecordedAt } from '../../components/RecordedAt';
import { RefusalAlert } from '../../components/RefusalAlert';
import { GATE_COLOURS } from '../release/release';
import { type CustodyNode, custodyPicture, type DonorTrace } from './custody';

interface Props {
  donorCode: string;
  /** The journey's batch number, for a batch whose start the ledger does not name. */
  batchNumber?: string;
  /** Changes when the journey records a step: the ledger is read again. */
  version: number;
}

/**
 * TRC-01: the chain of custody as the ledger holds it, drawn donor → donor-material unit(s) →
 * batch (the key-material lots it consumed beside it) → product → patient, each node with its
 * code and the time it was reached.
 */
export function CustodyPicture({ donorCode, batchNumber, version }: Props) {
  const { t } = useTranslation();
  const [trace, setTrace] = useState<DonorTrace>();
  const [refusal, setRefusal] = useState<Refusal>();
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    const result = await outcome<DonorTrace>(
      api.GET('/api/traces/donors/{donorCode}', { params: { path: { donorCode } } }),
    );
    setLoading(false);
    setTrace(result.ok ? result.data : undefined);
    // The ledger has nothing until the donor's registration reaches it: not a refusal to show.
    setRefusal(result.ok || result.refusal.status === 404 ? undefined : result.refusal);
  }, [donorCode]);

  useEffect(() => {
    void load();
  }, [load, version]);

  const picture = trace && custodyPicture(trace, batchNumber);
  return (
    <section aria-labelledby="custody-title" data-testid="custody-picture">
      <Flex align="center" gap={16}>
        <h2 id="custody-title">{t('inspector.custody.title')}</h2>
        <Button size="small" loading={loading} onClick={() => void load()}>
          {t('inspector.custody.refresh')}
        </Button>
      </Flex>
      <RefusalAlert refusal={refusal} />
      {!picture && !refusal && (
        <Empty description={t('inspector.custody.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
      {picture && (
        <Flex wrap align="stretch" gap={8} style={{ marginBottom: 16 }}>
          <Column title={t('inspector.custody.donor')}>
            <Node node={picture.donor} testId="custody-donor" />
          </Column>
          <Arrow />
          <Column title={t('inspector.custody.units')}>
            {picture.units.map((unit, i) => (
              <Node
                key={unit.at}
                node={unit}
                label={t('inspector.custody.unit', { n: i + 1 })}
                testId={`custody-unit-${i + 1}`}
              />
            ))}
          </Column>
          <Arrow />
          <Column title={t('inspector.custody.batches')}>
            {picture.batches.map((batch) => (
              <Node key={batch.code} node={batch} testId={`custody-batch-${batch.code}`}>
                <Typography.Text strong>{t('inspector.custody.lots')}</Typography.Text>
                {batch.lots.length === 0 && <div>—</div>}
                <Flex vertical gap={4} data-testid={`custody-lots-${batch.code}`}>
                  {batch.lots.map((lot) => (
                    <Card key={`${lot.code}-${lot.at}`} size="small" data-testid="custody-lot">
                      <Node node={lot} />
                    </Card>
                  ))}
                </Flex>
              </Node>
            ))}
          </Column>
          <Arrow />
          <Column title={t('inspector.custody.product')}>
            <Node node={picture.product} testId="custody-product" />
          </Column>
          <Arrow />
          <Column title={t('inspector.custody.patient')}>
            <Node node={picture.patient} testId="custody-patient" />
          </Column>
        </Flex>
      )}
    </section>
  );
}

function Column({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={<h3 className="card-title">{title}</h3>} style={{ minWidth: 200 }}>
      <Flex vertical gap={8}>
        {children}
      </Flex>
    </Card>
  );
}

/** The direction of custody between two columns; read out as nothing, the order says it. */
const Arrow = () => (
  <span aria-hidden="true" style={{ alignSelf: 'center', fontSize: 20 }}>
    →
  </span>
);

interface NodeProps {
  node: CustodyNode;
  label?: string;
  testId?: string;
  children?: ReactNode;
}

function Node({ node, label, testId, children }: NodeProps) {
  const { t } = useTranslation();
  return (
    <div data-testid={testId}>
      {label && <div>{label}</div>}
      <Typography.Text strong data-testid={testId && `${testId}-code`}>
        {node.code}
      </Typography.Text>
      {node.refused && (
        <Tag color={GATE_COLOURS.blocked} style={{ marginLeft: 8 }}>
          {t('inspector.custody.refused')}
        </Tag>
      )}
      <div>{node.at ? <RecordedAt at={node.at} /> : t('inspector.custody.notYet')}</div>
      {node.summary && <div>{node.summary}</div>}
      {children}
    </div>
  );
}
