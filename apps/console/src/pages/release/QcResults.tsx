import { Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { RecordedAt } from '../../components/RecordedAt';
import { type QcResultsView, type QcResultView, TEST_COLOURS, valueWithUnit } from './release';

/**
 * The journey's QC results (QA-02.1): the standing per test of the plan with the result that
 * counts, then every result as recorded with the system's verdict, corrections and retests.
 * Results are never changed: a correction or a retest is a row of its own.
 */
export function QcResults({ view }: { view: QcResultsView }) {
  const { t } = useTranslation();
  const byId = new Map(view.results.map((r) => [r.resultId, r]));
  return (
    <section aria-labelledby="qc-results-title" data-testid="qc-results">
      <h2 id="qc-results-title">{t('release.qc.title')}</h2>
      {view.specification && (
        <p>
          {t('release.qc.plan', {
            product: view.specification.productCode,
            version: view.specification.version,
          })}
        </p>
      )}
      <h3>{t('release.qc.standing')}</h3>
      <Table
        rowKey="testCode"
        size="small"
        pagination={false}
        dataSource={view.standing}
        locale={{ emptyText: <Empty description={t('release.qc.noResults')} /> }}
        onRow={(s) => ({ 'data-testid': `standing-${s.testCode}` }) as object}
        columns={[
          { title: t('release.qc.test'), dataIndex: 'testCode' },
          {
            title: t('release.qc.gating'),
            dataIndex: 'gating',
            render: (gating: string) => t(`release.gating.${gating}`),
          },
          {
            title: t('release.qc.status'),
            dataIndex: 'status',
            render: (status: keyof typeof TEST_COLOURS, s) => (
              <Tag color={TEST_COLOURS[status]} data-testid={`test-status-${s.testCode}`}>
                {t(`release.testStatus.${status}`)}
              </Tag>
            ),
          },
          {
            title: t('release.qc.effective'),
            dataIndex: 'effectiveResultId',
            render: (id: string | null) => {
              const result = id ? byId.get(id) : undefined;
              return result ? `${valueWithUnit(result)} (#${result.resultId})` : '—';
            },
          },
        ]}
      />
      <h3>{t('release.qc.results')}</h3>
      <Table<QcResultView>
        rowKey="resultId"
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={view.results}
        locale={{ emptyText: <Empty description={t('release.qc.noResults')} /> }}
        columns={[
          { title: '#', dataIndex: 'resultId' },
          { title: t('release.qc.test'), dataIndex: 'testCode' },
          { title: t('release.qc.value'), render: (_, r) => valueWithUnit(r) },
          { title: t('release.qc.method'), dataIndex: 'method' },
          { title: t('release.qc.instrument'), dataIndex: 'instrumentId' },
          { title: t('release.qc.sample'), dataIndex: 'sampleId' },
          {
            title: t('release.qc.testedAt'),
            dataIndex: 'testedAt',
            render: (at: string) => <RecordedAt at={at} />,
          },
          {
            title: t('release.qc.verdict'),
            dataIndex: 'verdict',
            render: (verdict: keyof typeof TEST_COLOURS) => (
              <Tag color={TEST_COLOURS[verdict]}>{t(`release.testStatus.${verdict}`)}</Tag>
            ),
          },
          {
            title: t('release.qc.marks'),
            render: (_, r) => (
              <>
                {r.correctionOf && (
                  <div>
                    {t('release.qc.correctionOf', { id: r.correctionOf.resultId })}:{' '}
                    {r.correctionOf.reason}
                  </div>
                )}
                {r.retestUnder && (
                  <div>{t('release.qc.retestUnder', { id: r.retestUnder.slice(0, 8) })}</div>
                )}
              </>
            ),
          },
        ]}
      />
    </section>
  );
}
