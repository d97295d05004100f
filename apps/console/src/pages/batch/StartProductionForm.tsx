import { Checkbox, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, outcome, stepParams } from '../../api/client';
import { StepForm } from '../../components/StepForm';
import { ScanInput } from '../hospital/ScanInput';

interface Values {
  setAside: boolean;
  retainedPortion?: { volumeMl: number; container: string; storageLocation: string };
  labelScan: string;
}

/**
 * The operator starts the batch on the released donor material (startProduction): the scan of
 * its label must carry the journey's donor unique code (TRC-03, refused IDENTITY_MISMATCH
 * otherwise), and the batch gets its number and label on the validated process of the
 * journey's specification version (PRD-03). A portion set aside now is what QA may approve a
 * re-manufacture from if the batch fails. The scanner's Enter on the label sends the form.
 */
export function StartProductionForm(props: { donorCode: string; onRecorded(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const setAside = Form.useWatch('setAside', form);
  const required = { required: true, message: t('form.required') };
  const portion = (field: string) => ['retainedPortion', field];

  return (
    <StepForm<Values>
      form={form}
      name="start-production-form"
      title={t('production.start.title')}
      submitLabel={t('production.start.submit')}
      initialValues={{ setAside: false }}
      send={({ labelScan, setAside: portionSetAside, retainedPortion }) =>
        outcome(
          api.POST('/api/journeys/{donorCode}/start-production', {
            params: stepParams(props.donorCode),
            body: {
              labelScan: labelScan.trim(),
              // A portion unticked after being typed is not sent.
              ...(portionSetAside && retainedPortion
                ? {
                    retainedPortion: {
                      volumeMl: retainedPortion.volumeMl,
                      container: retainedPortion.container.trim(),
                      storageLocation: retainedPortion.storageLocation.trim(),
                    },
                  }
                : {}),
            },
          }),
        )
      }
      onRecorded={props.onRecorded}
    >
      <p>{t('production.start.intro')}</p>
      <Form.Item name="setAside" valuePropName="checked">
        <Checkbox>{t('production.start.setAside')}</Checkbox>
      </Form.Item>
      {setAside && (
        <>
          <Form.Item
            label={t('production.start.volumeMl')}
            name={portion('volumeMl')}
            rules={[required]}
          >
            <InputNumber min={0.1} max={2000} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            label={t('production.start.container')}
            name={portion('container')}
            rules={[required, { max: 100 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            label={t('production.start.storageLocation')}
            name={portion('storageLocation')}
            rules={[required, { max: 100 }]}
          >
            <Input />
          </Form.Item>
        </>
      )}
      <Form.Item
        label={t('production.start.labelScan')}
        name="labelScan"
        extra={t('production.start.scanHint')}
        rules={[required, { max: 64 }]}
      >
        <ScanInput autoFocus data-testid="production-label-scan" onScanned={() => form.submit()} />
      </Form.Item>
    </StepForm>
  );
}
