import type { BatchLabel, ProcessStep } from '@v2v/contracts';
import { App, Button, Form, Input, InputNumber, Radio, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, outcome, stepParams } from '../../api/client';
import { DateTimeInput } from '../../components/DateTimeInput';
import { StepForm } from '../../components/StepForm';
import { instantOf, localInputValue } from '../../format';
import { outOfRange } from './batch-record';

/** A lot of the key-material catalogue (GET /api/key-materials). */
export interface CatalogueLot {
  lotId: string;
  materialCode: string;
  status: string;
  inspection: { expiresOn: string };
}

/** What the operator fills, list by list in the definition's order. */
interface Values {
  endedAt: string;
  parameters: Array<{ value?: number }>;
  consumables: Array<{ lotId: string; quantity: number; unit: string }>;
  containerInspections: Array<{ intact: boolean; note?: string }>;
  labelConfirmations: Array<{ scan: string }>;
  wasteInactivation?: { method: string; completedAt: string };
  transferDepartedAt?: string;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The completion of the step in progress: every parameter of the definition with its range
 * (PRD-01, a value outside it warned here and recorded as a deviation by the server), every
 * consumable by its released lot (PRD-08, MAT-01), each container inspected before use and
 * after filling (PRD-07), each label the start printed scanned (PRD-06), positive waste's
 * inactivation (PRD-08) and the transfer's departure (GEN-01) where the step has them.
 */
export function CompleteStepForm(props: {
  donorCode: string;
  step: ProcessStep;
  labels: BatchLabel[];
  lots: CatalogueLot[];
  onDownloadLabel(label: BatchLabel): void;
  onRecorded(): void;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { donorCode, step, labels } = props;
  const required = { required: true, message: t('form.required') };
  const now = localInputValue(new Date());

  const outside = (values: Values) =>
    step.parameters.filter((p, i) => outOfRange(p, values.parameters[i]?.value));

  const confirm = async (values: Values) => {
    const list = outside(values);
    if (list.length === 0) return true;
    return await modal.confirm({
      title: t('batch.complete.confirmTitle'),
      content: t('batch.complete.confirmBody', {
        list: list.map((p) => `${p.name} (${p.min}–${p.max} ${p.unit})`).join(', '),
      }),
      okText: t('batch.complete.confirm'),
      cancelText: t('signature.cancel'),
    });
  };

  const inspections = [
    ...step.containers.beforeUse.map((container) => ({ container, phase: 'before-use' as const })),
    ...step.containers.afterFilling.map((container) => ({
      container,
      phase: 'after-filling' as const,
    })),
  ];

  // Only the fields a person fills come back from the form; ids come from the definition.
  const send = (v: Values) =>
    outcome(
      api.POST('/api/journeys/{donorCode}/batch-record/steps/{stepId}/complete', {
        params: { ...stepParams(donorCode), path: { donorCode, stepId: step.stepId } },
        body: {
          endedAt: instantOf(v.endedAt),
          parameters: step.parameters.map((p, i) => ({
            parameterId: p.parameterId,
            value: v.parameters[i].value!,
          })),
          consumables: step.consumables.map((c, i) => ({
            ...v.consumables[i],
            materialCode: c.materialCode,
          })),
          containerInspections: inspections.map((c, i) => {
            const { intact, note } = v.containerInspections[i];
            return { ...c, intact, ...(note?.trim() ? { note: note.trim() } : {}) };
          }),
          labelConfirmations: labels.map((l, i) => ({
            labelId: l.labelId,
            scan: v.labelConfirmations[i].scan.trim(),
          })),
          ...(v.wasteInactivation
            ? {
                wasteInactivation: {
                  method: v.wasteInactivation.method,
                  completedAt: instantOf(v.wasteInactivation.completedAt),
                },
              }
            : {}),
          ...(v.transferDepartedAt ? { transferDepartedAt: instantOf(v.transferDepartedAt) } : {}),
        },
      }),
    );

  const lotOptions = (materialCode: string) =>
    props.lots
      .filter((l) => l.materialCode === materialCode && l.status === 'released')
      .map((l) => ({
        value: l.lotId,
        label: `${l.lotId} · ${t('batch.complete.expiresOn')} ${l.inspection.expiresOn}${
          l.inspection.expiresOn < today() ? ` (${t('batch.complete.expired')})` : ''
        }`,
      }));

  return (
    <StepForm<Values>
      form={form}
      name="complete-step-form"
      title={t('batch.complete.title', { name: step.name })}
      submitLabel={t('batch.complete.submit')}
      initialValues={{
        endedAt: now,
        consumables: step.consumables.map(() => ({ quantity: 1, unit: 'unit' })),
        ...(step.producesPositiveWaste ? { wasteInactivation: { completedAt: now } } : {}),
        ...(step.transferOut ? { transferDepartedAt: now } : {}),
      }}
      confirm={confirm}
      send={send}
      onRecorded={props.onRecorded}
    >
      <Form.Item label={t('batch.complete.endedAt')} name="endedAt" rules={[required]}>
        <DateTimeInput />
      </Form.Item>
      <h3>{t('batch.complete.parameters')}</h3>
      {step.parameters.map((p, i) => (
        <Form.Item
          key={p.parameterId}
          label={`${p.name} (${p.unit})`}
          name={['parameters', i, 'value']}
          extra={t('batch.complete.range', { min: p.min, max: p.max, unit: p.unit })}
          rules={[
            required,
            {
              warningOnly: true,
              validator: (_r, value?: number) =>
                outOfRange(p, value)
                  ? Promise.reject(new Error(t('batch.complete.outOfRange')))
                  : Promise.resolve(),
            },
          ]}
        >
          <InputNumber style={{ width: 200 }} />
        </Form.Item>
      ))}
      {step.consumables.length > 0 && <h3>{t('batch.complete.consumables')}</h3>}
      {step.consumables.map((c, i) => (
        <Space key={c.materialCode} align="start" wrap data-testid={`consumable-${c.materialCode}`}>
          <Form.Item label={t('batch.complete.material')}>
            <strong>{c.materialCode}</strong>{' '}
            {c.singleUse && <Tag>{t('batch.complete.singleUse')}</Tag>}
          </Form.Item>
          <Form.Item
            label={t('batch.complete.lot')}
            name={['consumables', i, 'lotId']}
            rules={[required]}
          >
            <Select style={{ width: 320 }} options={lotOptions(c.materialCode)} />
          </Form.Item>
          <Form.Item
            label={t('batch.complete.quantity')}
            name={['consumables', i, 'quantity']}
            rules={[required]}
          >
            <InputNumber min={0.001} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item
            label={t('batch.complete.unit')}
            name={['consumables', i, 'unit']}
            rules={[required, { max: 16 }]}
          >
            <Input style={{ width: 100 }} />
          </Form.Item>
        </Space>
      ))}
      {inspections.length > 0 && <h3>{t('batch.complete.inspections')}</h3>}
      {inspections.map((c, i) => (
        <Space key={`${c.phase}-${c.container}`} align="start" wrap data-testid={`inspection-${i}`}>
          <Form.Item
            label={`${c.container} · ${t(`batch.complete.${c.phase}`)}`}
            name={['containerInspections', i, 'intact']}
            rules={[required]}
          >
            <Radio.Group
              options={[
                { value: true, label: t('batch.complete.intact') },
                { value: false, label: t('batch.complete.notIntact') },
              ]}
            />
          </Form.Item>
          <Form.Item
            label={t('batch.complete.note')}
            name={['containerInspections', i, 'note']}
            rules={[{ max: 1000 }]}
          >
            <Input style={{ width: 260 }} />
          </Form.Item>
        </Space>
      ))}
      {labels.length > 0 && <h3>{t('batch.complete.labelScans')}</h3>}
      {labels.map((label, i) => (
        <Space key={label.labelId} align="start" wrap data-testid={`label-${label.labelId}`}>
          <Form.Item
            label={`${t('batch.complete.scan')} · ${label.container}`}
            name={['labelConfirmations', i, 'scan']}
            rules={[required, { max: 200 }]}
          >
            <Input style={{ width: 320 }} autoComplete="off" />
          </Form.Item>
          <Form.Item label=" ">
            <Button onClick={() => props.onDownloadLabel(label)}>{t('batch.downloadLabel')}</Button>
          </Form.Item>
        </Space>
      ))}
      {step.producesPositiveWaste && (
        <>
          <h3>{t('batch.complete.waste')}</h3>
          <Form.Item
            label={t('batch.complete.wasteMethod')}
            name={['wasteInactivation', 'method']}
            rules={[required, { max: 200 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            label={t('batch.complete.wasteCompletedAt')}
            name={['wasteInactivation', 'completedAt']}
            rules={[required]}
          >
            <DateTimeInput />
          </Form.Item>
        </>
      )}
      {step.transferOut && (
        <Form.Item
          label={t('batch.complete.departure')}
          name="transferDepartedAt"
          extra={t('batch.start.transferLimits', {
            min: step.transferOut.minTemperatureC,
            max: step.transferOut.maxTemperatureC,
            minutes: step.transferOut.maxMinutes,
          })}
          rules={[required]}
        >
          <DateTimeInput />
        </Form.Item>
      )}
    </StepForm>
  );
}
