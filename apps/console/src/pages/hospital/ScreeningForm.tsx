import { Button, Checkbox, Form, Input, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, outcome, stepParams } from '../../api/client';
import { DateTimeInput } from '../../components/DateTimeInput';
import { StepForm } from '../../components/StepForm';
import { instantOf, localInputValue } from '../../format';

/** The markers the gateway accepts (INFECTIOUS_MARKERS); the first four are mandatory. */
const MARKERS = ['HIV', 'HBV', 'HCV', 'syphilis', 'HTLV', 'CMV', 'EBV'] as const;
type Marker = (typeof MARKERS)[number];
const MANDATORY: Marker[] = ['HIV', 'HBV', 'HCV', 'syphilis'];

interface Values {
  sampledAt: string;
  results: Array<{
    marker: Marker;
    result: 'negative' | 'positive';
    method: string;
    reagentLot?: string;
  }>;
  eligibilityConfirmed: boolean;
  notes?: string;
}

/**
 * The donor's screening (DON-01): every marker with its result and method, and the clinician's
 * confirmation of eligibility; a positive marker is recorded and flagged (DON-05).
 */
export function ScreeningForm(props: { donorCode: string; onRecorded(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const required = { required: true, message: t('form.required') };

  // Sent only once the form's check has seen the confirmation: the body's literal `true`.
  const send = ({ sampledAt, results, notes }: Values) =>
    outcome(
      api.POST('/api/journeys/{donorCode}/record-donor-screening', {
        params: stepParams(props.donorCode),
        body: {
          sampledAt: instantOf(sampledAt),
          results: results.map(({ reagentLot, ...r }) => ({
            ...r,
            ...(reagentLot?.trim() ? { reagentLot: reagentLot.trim() } : {}),
          })),
          eligibilityConfirmed: true,
          ...(notes?.trim() ? { notes: notes.trim() } : {}),
        },
      }),
    );

  return (
    <StepForm<Values>
      form={form}
      name="screening-form"
      title={t('hospital.screening.title')}
      submitLabel={t('hospital.screening.submit')}
      initialValues={{
        sampledAt: localInputValue(new Date()),
        results: MANDATORY.map((marker) => ({ marker }) as Values['results'][number]),
      }}
      send={send}
      onRecorded={props.onRecorded}
    >
      <Form.Item label={t('hospital.screening.sampledAt')} name="sampledAt" rules={[required]}>
        <DateTimeInput />
      </Form.Item>
      <p>{t('hospital.screening.mandatory')}</p>
      <Form.List name="results">
        {(fields, { add, remove }) => (
          <>
            {fields.map(({ key, name }) => (
              <Space key={key} align="start" wrap data-testid={`marker-${name}`}>
                <Form.Item
                  label={t('hospital.screening.marker')}
                  name={[name, 'marker']}
                  rules={[required]}
                >
                  <Select
                    style={{ width: 120 }}
                    options={MARKERS.map((m) => ({ value: m, label: t(`markers.${m}`) }))}
                  />
                </Form.Item>
                <Form.Item
                  label={t('hospital.screening.result')}
                  name={[name, 'result']}
                  rules={[required]}
                >
                  <Radio.Group
                    options={[
                      { value: 'negative', label: t('hospital.screening.negative') },
                      { value: 'positive', label: t('hospital.screening.positive') },
                    ]}
                  />
                </Form.Item>
                <Form.Item
                  label={t('hospital.screening.method')}
                  name={[name, 'method']}
                  rules={[required, { max: 200 }]}
                >
                  <Input style={{ width: 220 }} />
                </Form.Item>
                <Form.Item
                  label={t('hospital.screening.reagentLot')}
                  name={[name, 'reagentLot']}
                  rules={[{ max: 64 }]}
                >
                  <Input style={{ width: 140 }} />
                </Form.Item>
                {name >= MANDATORY.length && (
                  <Form.Item label=" ">
                    <Button onClick={() => remove(name)}>{t('hospital.screening.remove')}</Button>
                  </Form.Item>
                )}
              </Space>
            ))}
            <Form.Item>
              <Button onClick={() => add()}>{t('hospital.screening.addMarker')}</Button>
            </Form.Item>
          </>
        )}
      </Form.List>
      <Form.Item
        name="eligibilityConfirmed"
        valuePropName="checked"
        rules={[
          {
            validator: (_r, checked) =>
              checked
                ? Promise.resolve()
                : Promise.reject(new Error(t('hospital.screening.mustConfirm'))),
          },
        ]}
      >
        <Checkbox>{t('hospital.screening.eligibility')}</Checkbox>
      </Form.Item>
      <Form.Item label={t('hospital.screening.notes')} name="notes" rules={[{ max: 1000 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </StepForm>
  );
}
