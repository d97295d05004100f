import { Checkbox, Form, Input, InputNumber, type InputRef } from 'antd';
import { type ComponentRef, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepRequestBody } from '@v2v/contracts';
import { api, outcome, stepParams } from '../../api/client';
import { DateTimeInput } from '../../components/DateTimeInput';
import { StepForm } from '../../components/StepForm';
import { instantOf, localInputValue } from '../../format';
import { useSession } from '../../session/SessionContext';
import { bedsideVerifications, type BedsideScans } from './bedside';
import { ScanInput } from './ScanInput';

interface StepProps {
  donorCode: string;
  onRecorded(): void;
}

const nowValue = () => localInputValue(new Date());

interface ReceiptValues {
  receivedAt: string;
  labelScan?: string;
  outerPackagingIntact: boolean;
  containerIntact: boolean;
  labelPresent: boolean;
  labelLegible: boolean;
  note?: string;
}

const INSPECTION_ITEMS = [
  'outerPackagingIntact',
  'containerIntact',
  'labelPresent',
  'labelLegible',
] as const;

/**
 * The product's receipt at the treatment site: when, its inspection and the scan of its label
 * (QA-04, TRC-03). An item unchecked needs a note and puts the product on hold; a lost or
 * illegible label cannot be scanned.
 */
export function ReceiveAtSiteForm({ donorCode, onRecorded }: StepProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReceiptValues>();
  const required = { required: true, message: t('form.required') };
  const values = Form.useWatch([], form);
  const failed = INSPECTION_ITEMS.some((item) => values?.[item] === false);
  const scannable = values?.labelPresent !== false && values?.labelLegible !== false;
  return (
    <StepForm
      form={form}
      name="receive-at-site-form"
      title={t('site.receipt.title')}
      submitLabel={t('site.receipt.submit')}
      initialValues={{
        receivedAt: nowValue(),
        ...Object.fromEntries(INSPECTION_ITEMS.map((item) => [item, true])),
      }}
      send={({ receivedAt, labelScan, note, ...inspection }) =>
        outcome(
          api.POST('/api/journeys/{donorCode}/receive-at-site', {
            params: stepParams(donorCode),
            body: {
              receivedAt: instantOf(receivedAt),
              ...(labelScan?.trim() ? { labelScan: labelScan.trim() } : {}),
              inspection: { ...inspection, ...(note?.trim() ? { note: note.trim() } : {}) },
            },
          }),
        )
      }
      onRecorded={onRecorded}
    >
      <Form.Item label={t('site.receipt.receivedAt')} name="receivedAt" rules={[required]}>
        <DateTimeInput />
      </Form.Item>
      {INSPECTION_ITEMS.map((item) => (
        <Form.Item key={item} name={item} valuePropName="checked">
          <Checkbox data-testid={`site-receipt-${item}`}>{t(`site.receipt.${item}`)}</Checkbox>
        </Form.Item>
      ))}
      {failed && <p role="alert">{t('site.receipt.onHold')}</p>}
      <Form.Item label={t('site.receipt.note')} name="note" rules={failed ? [required] : []}>
        <Input.TextArea rows={2} maxLength={1000} data-testid="site-receipt-note" />
      </Form.Item>
      <Form.Item
        label={t('site.receipt.labelScan')}
        name="labelScan"
        rules={scannable ? [required] : []}
      >
        <ScanInput autoFocus data-testid="site-label-scan" onScanned={() => form.submit()} />
      </Form.Item>
    </StepForm>
  );
}

interface ThawValues {
  thawStartedAt: string;
  thawCompletedAt: string;
  bathTemperatureC: number;
  methodNote: string;
}

/**
 * The thaw as the instructions for use prescribe it (OTH-01): it ends the product's site
 * storage and starts the time allowed from the thaw to the infusion (GEN-01).
 */
export function ThawForm({ donorCode, onRecorded }: StepProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ThawValues>();
  const required = { required: true, message: t('form.required') };
  return (
    <StepForm
      form={form}
      name="thaw-form"
      title={t('site.thaw.title')}
      submitLabel={t('site.thaw.submit')}
      initialValues={{ thawCompletedAt: nowValue() }}
      send={(v) =>
        outcome(
          api.POST('/api/journeys/{donorCode}/record-thaw', {
            params: stepParams(donorCode),
            body: {
              thawStartedAt: instantOf(v.thawStartedAt),
              thawCompletedAt: instantOf(v.thawCompletedAt),
              bathTemperatureC: v.bathTemperatureC,
              methodNote: v.methodNote.trim(),
            },
          }),
        )
      }
      onRecorded={onRecorded}
    >
      <Form.Item label={t('site.thaw.startedAt')} name="thawStartedAt" rules={[required]}>
        <DateTimeInput />
      </Form.Item>
      <Form.Item label={t('site.thaw.completedAt')} name="thawCompletedAt" rules={[required]}>
        <DateTimeInput />
      </Form.Item>
      <Form.Item label={t('site.thaw.bathTemperatureC')} name="bathTemperatureC" rules={[required]}>
        <InputNumber min={0} max={45} step={0.1} />
      </Form.Item>
      <Form.Item label={t('site.thaw.methodNote')} name="methodNote" rules={[required]}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </StepForm>
  );
}

interface InfusionValues {
  infusedAt: string;
  infusionEndedAt: string;
  volumeMl: number;
  dose: { value: number; unit: string };
  administeredBy: string;
  first: BedsideScans;
  second: BedsideScans & { clinician: string };
}

/**
 * The use record after the bedside two-person check (OTH-02, TRC-03): each clinician scans the
 * product label and the patient's reference; a scanner's Enter moves to the next scan, and the
 * last one to the infusion's details. The recording user is the first clinician.
 */
export function InfusionForm({ donorCode, onRecorded }: StepProps) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [form] = Form.useForm<InfusionValues>();
  const fields = [useRef<InputRef>(null), useRef<InputRef>(null), useRef<InputRef>(null)];
  const secondLabel = useRef<InputRef>(null);
  const volume = useRef<ComponentRef<typeof InputNumber>>(null);
  const required = { required: true, message: t('form.required') };
  // The moment a clinician's patient reference is scanned is the time of their verification.
  const scanned = (who: 'first' | 'second') =>
    form.setFieldValue([who, 'scannedAt'], new Date().toISOString());

  const send = (v: InfusionValues) => {
    const body: StepRequestBody<'recordInfusion'> = {
      infusedAt: instantOf(v.infusedAt),
      infusionEndedAt: instantOf(v.infusionEndedAt),
      volumeMl: v.volumeMl,
      dose: { value: v.dose.value, unit: v.dose.unit.trim() },
      administeredBy: v.administeredBy.trim(),
      verifications: bedsideVerifications(
        session?.username ?? '',
        v.first,
        v.second,
        new Date().toISOString(),
      ),
    };
    return outcome(
      api.POST('/api/journeys/{donorCode}/record-infusion', {
        params: stepParams(donorCode),
        body,
      }),
    );
  };

  return (
    <StepForm
      form={form}
      name="infusion-form"
      title={t('site.infusion.title')}
      submitLabel={t('site.infusion.submit')}
      initialValues={{ infusedAt: nowValue(), infusionEndedAt: nowValue() }}
      send={send}
      onRecorded={onRecorded}
    >
      <p>{t('site.infusion.intro')}</p>
      <fieldset className="bedside-clinician" data-testid="bedside-first">
        <legend>{t('site.infusion.first', { username: session?.username })}</legend>
        <Form.Item
          label={t('site.infusion.labelScan')}
          name={['first', 'labelScan']}
          rules={[required]}
        >
          <ScanInput autoFocus onScanned={() => fields[0].current?.focus()} />
        </Form.Item>
        <Form.Item
          label={t('site.infusion.patientReference')}
          name={['first', 'patientReference']}
          rules={[required]}
        >
          <ScanInput
            inputRef={fields[0]}
            onScanned={() => {
              scanned('first');
              fields[1].current?.focus();
            }}
          />
        </Form.Item>
        <Form.Item name={['first', 'scannedAt']} hidden>
          <Input />
        </Form.Item>
      </fieldset>
      <fieldset className="bedside-clinician" data-testid="bedside-second">
        <legend>{t('site.infusion.second')}</legend>
        <Form.Item
          label={t('site.infusion.clinician')}
          name={['second', 'clinician']}
          rules={[required, { max: 64 }]}
        >
          <ScanInput inputRef={fields[1]} onScanned={() => secondLabel.current?.focus()} />
        </Form.Item>
        <Form.Item
          label={t('site.infusion.labelScan')}
          name={['second', 'labelScan']}
          rules={[required]}
        >
          <ScanInput inputRef={secondLabel} onScanned={() => fields[2].current?.focus()} />
        </Form.Item>
        <Form.Item
          label={t('site.infusion.patientReference')}
          name={['second', 'patientReference']}
          rules={[required]}
        >
          <ScanInput
            inputRef={fields[2]}
            onScanned={() => {
              scanned('second');
              volume.current?.focus();
            }}
          />
        </Form.Item>
        <Form.Item name={['second', 'scannedAt']} hidden>
          <Input />
        </Form.Item>
      </fieldset>
      <Form.Item label={t('site.infusion.infusedAt')} name="infusedAt" rules={[required]}>
        <DateTimeInput />
      </Form.Item>
      <Form.Item
        label={t('site.infusion.infusionEndedAt')}
        name="infusionEndedAt"
        rules={[required]}
      >
        <DateTimeInput />
      </Form.Item>
      <Form.Item label={t('site.infusion.volumeMl')} name="volumeMl" rules={[required]}>
        <InputNumber ref={volume} min={0.1} max={2000} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item label={t('site.infusion.dose')} name={['dose', 'value']} rules={[required]}>
        <InputNumber min={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        label={t('site.infusion.doseUnit')}
        name={['dose', 'unit']}
        rules={[required, { max: 40 }]}
      >
        <Input placeholder={t('site.infusion.doseUnitExample')} />
      </Form.Item>
      <Form.Item
        label={t('site.infusion.administeredBy')}
        name="administeredBy"
        rules={[required, { max: 100 }]}
      >
        <Input />
      </Form.Item>
    </StepForm>
  );
}
