import { App, Button, Card, Checkbox, Form, Input, Radio, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, outcome } from '../../api/client';
import { showFieldErrorsAtPaths } from '../../components/field-errors';
import { RecordedAt } from '../../components/RecordedAt';
import { type SignatureInput, SignatureDialog } from '../../components/SignatureDialog';
import { type DonorMaterialTestsView, pendingAtRelease } from './quality-steps';

type Assessment = DonorMaterialTestsView['assessments'][number];

/** The signed impact assessments of the donor material (QA-02.5), as recorded. */
export function DonorMaterialAssessments({ view }: { view: DonorMaterialTestsView }) {
  const { t } = useTranslation();
  if (!view.assessments.length) return null;
  return (
    <section aria-labelledby="dm-assessments-title" data-testid="dm-assessments">
      <h3 id="dm-assessments-title">{t('qualitySteps.impact.assessments')}</h3>
      <Table<Assessment>
        rowKey="assessmentId"
        size="small"
        pagination={false}
        dataSource={view.assessments}
        columns={[
          {
            title: t('qualitySteps.impact.tests'),
            dataIndex: 'testCodes',
            render: (codes: string[]) => codes.join(', '),
          },
          {
            title: t('qualitySteps.impact.conclusion'),
            dataIndex: 'conclusion',
            render: (c: string) => t(`qualitySteps.impact.conclusions.${c}`),
          },
          { title: t('qualitySteps.impact.rationale'), dataIndex: 'rationale' },
          { title: t('qualitySteps.impact.assessedBy'), dataIndex: 'assessedBy' },
          {
            title: t('qualitySteps.impact.assessedAt'),
            dataIndex: 'assessedAt',
            render: (at: string) => <RecordedAt at={at} />,
          },
        ]}
      />
    </section>
  );
}

interface Values {
  testCodes: string[];
  rationale: string;
  conclusion: Assessment['conclusion'];
}

interface Props {
  donorCode: string;
  view: DonorMaterialTestsView;
  onSigned(): void;
}

/**
 * The qualified person's impact assessment of donor material used before its tests completed
 * (§10(2), QA-02.5): the tests it covers (those pending at the material's release checked),
 * the rationale and the conclusion, then the signature dialog (CSV-02). The server refuses
 * QA-02 an assessment that misses a test it must cover; the refusal stays in the dialog.
 */
export function DonorMaterialImpactForm(props: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [values, setValues] = useState<Values>();

  // The assessment has no comment of its own: a comment typed in the dialog joins the
  // rationale. A field error of the refusal goes beside its field; the banner stays in the dialog.
  const assess = async ({ password, comment }: SignatureInput) => {
    const { rationale, ...rest } = values as Values;
    const result = await outcome(
      api.POST('/api/journeys/{donorCode}/donor-material-impact-assessment', {
        params: {
          path: { donorCode: props.donorCode },
          header: { 'Idempotency-Key': idempotencyKey() },
        },
        body: {
          ...rest,
          rationale: comment ? `${rationale}\n${comment}` : rationale,
          signature: { password },
        },
      }),
    );
    if (!result.ok) showFieldErrorsAtPaths(form, result.refusal);
    return result;
  };

  const required = [{ required: true, message: t('form.required') }];
  return (
    <Card
      size="small"
      title={<h2 className="card-title">{t('qualitySteps.impact.title')}</h2>}
      data-testid="dm-impact-form"
      style={{ marginBottom: 16 }}
    >
      <p>{t('qualitySteps.impact.intro')}</p>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ testCodes: pendingAtRelease(props.view), conclusion: 'no-impact' }}
        onFinish={(v) => setValues({ ...v, rationale: v.rationale.trim() })}
      >
        {/* A validator, not `required`: antd would put aria-required on the checkbox group's
            element, which that role does not allow (axe aria-allowed-attr). */}
        <Form.Item
          name="testCodes"
          label={t('qualitySteps.impact.tests')}
          rules={[
            {
              validator: (_, codes?: string[]) =>
                codes?.length ? Promise.resolve() : Promise.reject(new Error(t('form.required'))),
            },
          ]}
        >
          <Checkbox.Group
            options={props.view.tests.map((s) => ({
              value: s.testCode,
              label: `${s.name} (${s.testCode})`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="rationale"
          label={t('qualitySteps.impact.rationale')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }]}
        >
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="conclusion" label={t('qualitySteps.impact.conclusion')} rules={required}>
          <Radio.Group
            options={(['no-impact', 'product-affected'] as const).map((c) => ({
              value: c,
              label: t(`qualitySteps.impact.conclusions.${c}`),
            }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('qualitySteps.impact.sign')}
        </Button>
      </Form>
      <SignatureDialog
        open={values !== undefined}
        action={t('qualitySteps.impact.action')}
        meaning="assessed"
        donorCode={props.donorCode}
        sign={assess}
        onCancel={() => setValues(undefined)}
        onSigned={() => {
          setValues(undefined);
          form.resetFields();
          void message.success(t('qualitySteps.impact.signed'));
          props.onSigned();
        }}
      />
    </Card>
  );
}
