import type { ProcessStep } from '@v2v/contracts';
import { Descriptions, Empty, Form, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, outcome, stepParams } from '../../api/client';
import { DateTimeInput } from '../../components/DateTimeInput';
import { StepForm } from '../../components/StepForm';
import { instantOf, localInputValue, localTime } from '../../format';
import { type CalendarBooking, type FacilityRegister, shiftContaining } from './batch-record';

interface Values {
  bookingId: string;
  shiftCode: string;
  startedAt: string;
  coOperators: string[];
  transferArrival?: {
    arrivedAt: string;
    minObservedTemperatureC: number;
    maxObservedTemperatureC: number;
  };
}

/**
 * The start of the next step on one of its bookings (PRD-04), on a shift with a current media
 * fill (PRD-02), with the other people working it (PER-02) and, after a step with a transfer
 * out, the transfer's arrival and the temperatures it saw (GEN-01).
 */
export function StartStepForm(props: {
  donorCode: string;
  step: ProcessStep;
  /** The previous step's transfer out, when the material is on its way to this step. */
  transferIn: ProcessStep['transferOut'];
  facility: FacilityRegister;
  /** The step's bookings for this batch still to be worked (bookingsOf). */
  bookings: CalendarBooking[];
  onRecorded(): void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { donorCode, step, transferIn, facility, bookings } = props;
  const required = { required: true, message: t('form.required') };

  const send = ({ startedAt, transferArrival, ...rest }: Values) =>
    outcome(
      api.POST('/api/journeys/{donorCode}/batch-record/steps/{stepId}/start', {
        params: { ...stepParams(donorCode), path: { donorCode, stepId: step.stepId } },
        body: {
          ...rest,
          startedAt: instantOf(startedAt),
          ...(transferArrival
            ? {
                transferArrival: {
                  ...transferArrival,
                  arrivedAt: instantOf(transferArrival.arrivedAt),
                },
              }
            : {}),
        },
      }),
    );

  const now = localInputValue(new Date());
  return (
    <StepForm<Values>
      form={form}
      name="start-step-form"
      title={t('batch.start.title', { name: step.name })}
      submitLabel={t('batch.start.submit')}
      initialValues={{
        bookingId: bookings[0]?.bookingId,
        startedAt: now,
        coOperators: [],
        shiftCode: shiftContaining(facility.shifts, new Date())?.shiftCode,
        ...(transferIn ? { transferArrival: { arrivedAt: now } } : {}),
      }}
      send={send}
      onRecorded={props.onRecorded}
    >
      {bookings.length === 0 && (
        <Empty description={t('batch.start.noBooking')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
      <Form.Item label={t('batch.start.booking')} name="bookingId" rules={[required]}>
        <Select
          options={bookings.map((b) => ({
            value: b.bookingId,
            label: [
              b.roomCode,
              b.equipmentCode,
              b.incubatorCompartment ? `#${b.incubatorCompartment}` : null,
              b.lineCode,
              `${localTime(b.startsAt, i18n.language)} – ${localTime(b.endsAt, i18n.language)}`,
            ]
              .filter(Boolean)
              .join(' · '),
          }))}
        />
      </Form.Item>
      <Form.Item label={t('batch.start.shift')} name="shiftCode" rules={[required]}>
        <Select
          options={facility.shifts
            .filter((s) => s.active)
            .map((s) => ({
              value: s.shiftCode,
              label: `${s.shiftCode} · ${s.name} (${s.startsAt}–${s.endsAt} UTC)`,
            }))}
        />
      </Form.Item>
      <Form.Item label={t('batch.start.startedAt')} name="startedAt" rules={[required]}>
        <DateTimeInput />
      </Form.Item>
      <Form.Item
        label={t('batch.start.coOperators')}
        name="coOperators"
        rules={[{ type: 'array', max: 6 }]}
      >
        <Select mode="tags" open={false} suffixIcon={null} />
      </Form.Item>
      {transferIn && (
        <>
          <Descriptions size="small" bordered column={1} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('batch.start.arrival')}>
              {t('batch.start.transferLimits', {
                min: transferIn.minTemperatureC,
                max: transferIn.maxTemperatureC,
                minutes: transferIn.maxMinutes,
              })}
            </Descriptions.Item>
          </Descriptions>
          <Form.Item
            label={t('batch.start.arrivedAt')}
            name={['transferArrival', 'arrivedAt']}
            rules={[required]}
          >
            <DateTimeInput />
          </Form.Item>
          <Form.Item
            label={t('batch.start.minObserved')}
            name={['transferArrival', 'minObservedTemperatureC']}
            rules={[required]}
          >
            <InputNumber min={-200} max={80} step={0.1} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            label={t('batch.start.maxObserved')}
            name={['transferArrival', 'maxObservedTemperatureC']}
            rules={[required]}
          >
            <InputNumber min={-200} max={80} step={0.1} style={{ width: 160 }} />
          </Form.Item>
        </>
      )}
    </StepForm>
  );
}
