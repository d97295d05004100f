import { Form, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { neededWithValue, ResultRowCell } from '../../components/ResultRowCell';
import { StepForm } from '../../components/StepForm';
import { instantOf, localInputValue } from '../../format';
import { recordQcResults } from './quality-api';
import {
  criterionText,
  criterionUnit,
  enteredValue,
  type OosInvestigationView,
  type QcResultEntryRow,
  type QcTest,
  type QcTestPlan,
  retestsOrdered,
} from './release';

/** One row of the form: a test of the plan, or a retest under an investigation. */
interface Line {
  test: QcTest;
  retestUnder?: string;
}
type Row = Omit<QcResultEntryRow, 'value' | 'testCode' | 'retestUnder'> & { value?: string };
interface Values {
  rows: Row[];
}

interface Props {
  donorCode: string;
  plan: QcTestPlan;
  investigations: OosInvestigationView[];
  onRecorded(): void;
}

/**
 * QC's raw results (recordQcResult, QA-02.1): one row per test of the plan with the unit of
 * its criterion and its method prefilled, and a retest row under each investigation whose
 * laboratory phase ordered one. Only rows with a value are sent; the system, not the analyst,
 * judges each against the criterion shown beside it.
 */
export function QcResultEntry(props: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const lines: Line[] = [
    ...props.plan.map((test) => ({ test })),
    ...retestsOrdered(props.investigations).flatMap((inv) => {
      const test = props.plan.find((p) => p.code === inv.testCode);
      return test ? [{ test, retestUnder: inv.investigationId }] : [];
    }),
  ];
  const now = localInputValue(new Date());
  const initialRows: Row[] = lines.map(({ test }) => ({
    unit: criterionUnit(test),
    method: test.method,
    instrumentId: '',
    sampleId: '',
    testedAt: now,
  }));

  const send = ({ rows }: Values) => {
    const results = lines.flatMap((line, i) => {
      const { value, unit, ...rest } = rows[i] ?? {};
      if (value === undefined || value.trim() === '') return [];
      return [
        {
          ...rest,
          testCode: line.test.code,
          value: enteredValue(line.test, value),
          ...(unit?.trim() ? { unit: unit.trim() } : {}),
          testedAt: instantOf(rest.testedAt),
          ...(line.retestUnder ? { retestUnder: line.retestUnder } : {}),
        } as QcResultEntryRow,
      ];
    });
    return recordQcResults(props.donorCode, { results });
  };

  // A row with a value needs the rest of its record; an empty row is not sent.
  const cell = (index: number, name: keyof Row, label: string, required: boolean) => (
    <ResultRowCell
      index={index}
      name={name}
      label={label}
      rules={required ? [neededWithValue(form, index, t('form.required'))] : []}
    />
  );

  return (
    <StepForm<Values>
      form={form}
      name="qc-entry-form"
      title={t('release.entry.title')}
      submitLabel={t('release.entry.submit')}
      initialValues={{ rows: initialRows }}
      send={send}
      onRecorded={() => {
        form.resetFields();
        props.onRecorded();
      }}
    >
      <p>{t('release.entry.intro')}</p>
      <Table<Line & { index: number }>
        rowKey="index"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={lines.map((line, index) => ({ ...line, index }))}
        onRow={(line) =>
          ({
            'data-testid': line.retestUnder
              ? `retest-${line.test.code}`
              : `entry-${line.test.code}`,
          }) as object
        }
        columns={[
          {
            title: t('release.qc.test'),
            render: (_, line) => (
              <div>
                <strong>{line.test.name}</strong> ({line.test.code})
                <div>{criterionText(line.test)}</div>
                {line.retestUnder && (
                  <div>{t('release.qc.retestUnder', { id: line.retestUnder.slice(0, 8) })}</div>
                )}
              </div>
            ),
          },
          {
            title: t('release.qc.value'),
            render: (_, l) =>
              cell(l.index, 'value', `${l.test.code} ${t('release.qc.value')}`, false),
          },
          {
            title: t('release.qc.unit'),
            render: (_, l) =>
              cell(l.index, 'unit', `${l.test.code} ${t('release.qc.unit')}`, false),
          },
          {
            title: t('release.qc.method'),
            render: (_, l) =>
              cell(l.index, 'method', `${l.test.code} ${t('release.qc.method')}`, true),
          },
          {
            title: t('release.qc.instrument'),
            render: (_, l) =>
              cell(l.index, 'instrumentId', `${l.test.code} ${t('release.qc.instrument')}`, true),
          },
          {
            title: t('release.qc.sample'),
            render: (_, l) =>
              cell(l.index, 'sampleId', `${l.test.code} ${t('release.qc.sample')}`, true),
          },
          {
            title: t('release.qc.testedAt'),
            render: (_, l) =>
              cell(l.index, 'testedAt', `${l.test.code} ${t('release.qc.testedAt')}`, true),
          },
        ]}
      />
    </StepForm>
  );
}
