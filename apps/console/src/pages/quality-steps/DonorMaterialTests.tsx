import { Alert, Empty, Form, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, outcome } from '../../api/client';
import { neededWithValue, ResultRowCell } from '../../components/ResultRowCell';
import { RecordedAt } from '../../components/RecordedAt';
import { StepForm } from '../../components/StepForm';
import { instantOf, localInputValue } from '../../format';
import { criterionText, criterionUnit, TEST_COLOURS, valueWithUnit } from '../release/release';
import {
  type DonorMaterialRow,
  donorMaterialResults,
  type DonorMaterialTest,
  type DonorMaterialTestsView,
  pendingAtRelease,
} from './quality-steps';

interface StandingProps {
  view: DonorMaterialTestsView;
}

/**
 * The donor material's tests of the journey's specification (QA-02.5, DON-06.5): each with
 * the result that counts and the system's verdict, and the tests still pending when QA
 * released the material, which the batch release needs QA's impact assessment of.
 */
export function DonorMaterialStanding({ view }: StandingProps) {
  const { t } = useTranslation();
  const pending = pendingAtRelease(view);
  return (
    <section aria-labelledby="dm-tests-title" data-testid="donor-material-tests">
      <h2 id="dm-tests-title">{t('qualitySteps.donorTests.title')}</h2>
      {pending.length > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="dm-pending-at-release"
          title={t('qualitySteps.donorTests.pendingAtRelease', { tests: pending.join(', ') })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Table
        rowKey="testCode"
        size="small"
        pagination={false}
        dataSource={view.tests}
        locale={{ emptyText: <Empty description={t('qualitySteps.donorTests.none')} /> }}
        onRow={(s) => ({ 'data-testid': `dm-standing-${s.testCode}` }) as object}
        columns={[
          {
            title: t('qualitySteps.donorTests.test'),
            render: (_, s) => `${s.name} (${s.testCode})`,
          },
          {
            title: t('qualitySteps.donorTests.gating'),
            dataIndex: 'gating',
            render: (gating: string) => t(`qualitySteps.gatings.${gating}`),
          },
          {
            title: t('qualitySteps.donorTests.status'),
            dataIndex: 'status',
            render: (status: keyof typeof TEST_COLOURS, s) => (
              <Tag color={TEST_COLOURS[status]} data-testid={`dm-status-${s.testCode}`}>
                {t(`qualitySteps.statuses.${status}`)}
              </Tag>
            ),
          },
          {
            title: t('qualitySteps.donorTests.result'),
            render: (_, s) => (s.result ? valueWithUnit(s.result) : '—'),
          },
          {
            title: t('qualitySteps.donorTests.recordedAt'),
            render: (_, s) => (s.result ? <RecordedAt at={s.result.recordedAt} /> : '—'),
          },
        ]}
      />
    </section>
  );
}

interface EntryProps {
  donorCode: string;
  /** The tests of the journey's pinned specification, with their criteria and methods. */
  tests: readonly DonorMaterialTest[];
  onRecorded(): void;
}
interface Values {
  rows: DonorMaterialRow[];
}

/**
 * QC's raw results of the donor material (QA-02.5): a row per test with the unit of its
 * criterion and its method prefilled; only rows with a value are sent and the system judges
 * each against the criterion shown beside it.
 */
export function DonorMaterialEntry(props: EntryProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const now = localInputValue(new Date());
  const initialRows = props.tests.map((test) => ({
    unit: criterionUnit(test),
    method: test.method,
    testedAt: now,
  }));

  const send = ({ rows }: Values) =>
    outcome<unknown>(
      api.POST('/api/journeys/{donorCode}/donor-material-tests', {
        params: {
          path: { donorCode: props.donorCode },
          header: { 'Idempotency-Key': idempotencyKey() },
        },
        body: {
          results: donorMaterialResults(
            props.tests,
            rows.map((r) => ({ ...r, testedAt: r.testedAt ? instantOf(r.testedAt) : '' })),
          ),
        },
      }),
    );

  // A row with a value needs its method and time; at least one row has a value.
  const anyValue = () =>
    (form.getFieldValue('rows') as DonorMaterialRow[]).some((r) => r?.value?.trim());
  const oneValue = {
    validator: () =>
      anyValue()
        ? Promise.resolve()
        : Promise.reject(new Error(t('qualitySteps.donorTests.oneValue'))),
  };
  const cell = (index: number, name: keyof DonorMaterialRow, test: DonorMaterialTest) => {
    const label = `${test.code} ${t(`qualitySteps.donorTests.${name}`)}`;
    const rules =
      name === 'value'
        ? index === 0
          ? [oneValue]
          : []
        : name === 'unit'
          ? []
          : [neededWithValue(form, index, t('form.required'))];
    return <ResultRowCell index={index} name={name} label={label} rules={rules} />;
  };

  return (
    <StepForm<Values>
      form={form}
      name="donor-material-entry-form"
      title={t('qualitySteps.donorTests.entryTitle')}
      submitLabel={t('qualitySteps.donorTests.submit')}
      initialValues={{ rows: initialRows }}
      send={send}
      onRecorded={() => {
        form.resetFields();
        props.onRecorded();
      }}
    >
      <p>{t('qualitySteps.donorTests.intro')}</p>
      <Table<{ test: DonorMaterialTest; index: number }>
        rowKey="index"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={props.tests.map((test, index) => ({ test, index }))}
        onRow={({ test }) => ({ 'data-testid': `dm-entry-${test.code}` }) as object}
        columns={[
          {
            title: t('qualitySteps.donorTests.test'),
            render: (_, { test }) => (
              <div>
                <strong>{test.name}</strong> ({test.code})<div>{criterionText(test)}</div>
              </div>
            ),
          },
          ...(['value', 'unit', 'method', 'testedAt'] as const).map((name) => ({
            title: t(`qualitySteps.donorTests.${name}`),
            render: (_: unknown, { test, index }: { test: DonorMaterialTest; index: number }) =>
              cell(index, name, test),
          })),
        ]}
      />
    </StepForm>
  );
}
