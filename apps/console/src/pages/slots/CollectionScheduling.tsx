import { Alert, Button, Form, Input } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api, outcome, stepParams } from '../../api/client';
import type { Refusal } from '../../api/refusal';
import { StepForm } from '../../components/StepForm';
import { addDays, earliestFreeStartOn, localToday, startsAfterCollection } from './slots';

interface StepProps {
  donorCode: string;
  onRecorded(): void;
}

interface ScheduleValues {
  collectionDate: string;
  manufacturingSlot?: string;
}

interface PostponeValues extends ScheduleValues {
  reason: string;
}

/** The preferred day is optional; when given, manufacturing starts after the collection. */
function preferredDayRule(t: TFunction): Rule {
  return ({ getFieldValue }) => ({
    validator: async (_, day?: string) => {
      const collected = getFieldValue('collectionDate') as string | undefined;
      if (day && collected && !startsAfterCollection(collected, day))
        throw new Error(t('slots.schedule.afterCollection'));
    },
  });
}

/** A body without an empty optional day: the gateway's schema takes a date or nothing. */
function withoutEmptyDay<V extends ScheduleValues>(values: V): V {
  const { manufacturingSlot, ...rest } = values;
  return (manufacturingSlot ? { ...rest, manufacturingSlot } : rest) as V;
}

/**
 * Under a `NO_MANUFACTURING_SLOT` refusal: one click puts the earliest free first day the
 * refusal names into the preferred day, for the scheduler to send again.
 */
function EarliestFreeDay(props: { refusal: Refusal; use(day: string): void }) {
  const { t } = useTranslation();
  if (props.refusal.code !== 'NO_MANUFACTURING_SLOT') return null;
  const day = earliestFreeStartOn(props.refusal);
  if (!day) return <Alert type="warning" showIcon title={t('slots.earliest.none')} />;
  return (
    <Button
      data-testid="use-earliest-free-day"
      onClick={() => props.use(day)}
      style={{ marginBottom: 16 }}
    >
      {t('slots.earliest.use', { day })}
    </Button>
  );
}

function DateFields({ collectionLabel }: { collectionLabel: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        label={collectionLabel}
        name="collectionDate"
        rules={[{ required: true, message: t('form.required') }]}
      >
        <Input type="date" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        label={t('slots.schedule.preferredDay')}
        name="manufacturingSlot"
        extra={t('slots.schedule.preferredHint')}
        dependencies={['collectionDate']}
        rules={[preferredDayRule(t)]}
      >
        <Input type="date" style={{ width: 200 }} />
      </Form.Item>
    </>
  );
}

/** The scheduler books the collection and, with it, a manufacturing slot (or a recollection). */
export function ScheduleCollectionForm({ donorCode, onRecorded }: StepProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ScheduleValues>();
  return (
    <StepForm
      form={form}
      name="schedule-collection-form"
      title={t('slots.schedule.title')}
      submitLabel={t('slots.schedule.submit')}
      initialValues={{ collectionDate: addDays(localToday(), 1) }}
      send={(v) =>
        outcome(
          api.POST('/api/journeys/{donorCode}/schedule-collection', {
            params: stepParams(donorCode),
            body: withoutEmptyDay(v),
          }),
        )
      }
      onRefusal={(refusal) => (
        <EarliestFreeDay
          refusal={refusal}
          use={(day) => form.setFieldValue('manufacturingSlot', day)}
        />
      )}
      onRecorded={onRecorded}
    >
      <DateFields collectionLabel={t('slots.schedule.collectionDate')} />
    </StepForm>
  );
}

/** The collection moved to another day with its reason: the journey rebooks its slot. */
export function PostponeCollectionForm({ donorCode, onRecorded }: StepProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PostponeValues>();
  return (
    <StepForm
      form={form}
      name="postpone-collection-form"
      title={t('slots.postpone.title')}
      submitLabel={t('slots.postpone.submit')}
      send={(v) =>
        outcome(
          api.POST('/api/journeys/{donorCode}/postpone-collection', {
            params: stepParams(donorCode),
            body: withoutEmptyDay(v),
          }),
        )
      }
      onRefusal={(refusal) => (
        <EarliestFreeDay
          refusal={refusal}
          use={(day) => form.setFieldValue('manufacturingSlot', day)}
        />
      )}
      onRecorded={onRecorded}
    >
      <DateFields collectionLabel={t('slots.postpone.collectionDate')} />
      <Form.Item
        label={t('slots.postpone.reason')}
        name="reason"
        rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 1000 }]}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
    </StepForm>
  );
}
