import type { ProcessStep } from '@v2v/contracts';
import { Alert, Empty, Form, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, outcome } from '../../api/client';
import { DateTimeInput } from '../../components/DateTimeInput';
import { StepForm } from '../../components/StepForm';
import { instantOf, localInputValue } from '../../format';
import type { RegisterArea } from '../batch/batch-record';
import {
  type BookingPlace,
  bookingPlaces,
  needsCompartment,
  plannedEnd,
  usableEquipment,
} from './step-booking';

interface Values {
  roomCode: string;
  equipmentCode?: string;
  incubatorCompartment?: number;
  lineCode: string;
  startsAt: string;
  endsAt: string;
}

/** A place's first equipment a booking may name now, and its first line. */
const defaultsOf = (place: BookingPlace | undefined) => ({
  equipmentCode: place?.equipment.find(usableEquipment)?.equipmentCode,
  lineCode: place?.lines[0]?.lineCode,
  incubatorCompartment: undefined,
});

/**
 * The production manager books one step of the batch into a room, on equipment and a line of
 * the production calendar (PRD-04), from its start for the step's planned hours. The rooms
 * offered are those of the material's area with equipment of the step's class; the server
 * checks the room's grade (FAC-02), the equipment's integrity check (FAC-01), the process's
 * validation (PRD-03) and every scheduling rule of §9(5), and its refusal names each one broken.
 */
export function BookProcessStepForm(props: {
  donorCode: string;
  productCode: string;
  processVersion: number;
  step: ProcessStep;
  areas: RegisterArea[];
  lineCodes?: string[];
  knownPositiveMarkers: string[];
  onRecorded(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { step, knownPositiveMarkers } = props;
  const positiveMaterial = knownPositiveMarkers.length > 0;
  const places = bookingPlaces(props.areas, step, positiveMaterial, props.lineCodes);
  const placeOf = (roomCode?: string) => places.find((p) => p.room.roomCode === roomCode);
  const roomCode = Form.useWatch('roomCode', form);
  const equipmentCode = Form.useWatch('equipmentCode', form);
  const place = placeOf(roomCode);
  const equipment = place?.equipment.find((e) => e.equipmentCode === equipmentCode);
  const required = { required: true, message: t('form.required') };
  const startsAt = localInputValue(new Date());

  const send = (v: Values) =>
    outcome(
      api.POST('/api/production-calendar/bookings', {
        params: { header: { 'Idempotency-Key': idempotencyKey() } },
        body: {
          donorCode: props.donorCode,
          productCode: props.productCode,
          processVersion: props.processVersion,
          stepId: step.stepId,
          roomCode: v.roomCode,
          ...(v.equipmentCode ? { equipmentCode: v.equipmentCode } : {}),
          ...(v.incubatorCompartment ? { incubatorCompartment: v.incubatorCompartment } : {}),
          lineCode: v.lineCode,
          positiveMaterial,
          startsAt: instantOf(v.startsAt),
          endsAt: instantOf(v.endsAt),
        },
      }),
    );

  return (
    <StepForm<Values>
      form={form}
      name="book-step-form"
      title={t('production.booking.title', { name: step.name })}
      submitLabel={t('production.booking.submit')}
      initialValues={{
        roomCode: places[0]?.room.roomCode,
        ...defaultsOf(places[0]),
        startsAt,
        endsAt: plannedEnd(startsAt, step.plannedDurationHours),
      }}
      send={send}
      onRecorded={props.onRecorded}
    >
      <p>
        {t('production.booking.intro', {
          operation: t(`production.booking.operations.${step.operationType}`),
          grade: t(`production.booking.grades.${step.grade}`),
          equipment: t(`production.booking.equipmentClasses.${step.equipmentClass}`),
          hours: step.plannedDurationHours,
        })}
        {step.cellCulture && ` ${t('production.booking.culture')}`}
      </p>
      <Alert
        type={positiveMaterial ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={
          positiveMaterial
            ? t('production.booking.positive', { markers: knownPositiveMarkers.join(', ') })
            : t('production.booking.notPositive')
        }
      />
      {places.length === 0 && (
        <Empty description={t('production.booking.noPlace')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
      <Form.Item label={t('production.booking.room')} name="roomCode" rules={[required]}>
        <Select
          style={{ width: 360 }}
          onChange={(code: string) => form.setFieldsValue(defaultsOf(placeOf(code)))}
          options={places.map(({ room }) => ({
            value: room.roomCode,
            label: `${room.roomCode} · ${room.name} · ${t(`production.booking.grades.${room.grade}`)}`,
          }))}
        />
      </Form.Item>
      {step.equipmentClass !== 'general' && (
        <Form.Item
          label={t('production.booking.equipment')}
          name="equipmentCode"
          rules={[required]}
        >
          <Select
            style={{ width: 360 }}
            onChange={() => form.setFieldsValue({ incubatorCompartment: undefined })}
            options={(place?.equipment ?? []).map((e) => ({
              value: e.equipmentCode,
              disabled: !usableEquipment(e),
              label:
                e.integrityCheck.status === 'not-scheduled'
                  ? `${e.equipmentCode} · ${e.name}`
                  : `${e.equipmentCode} · ${e.name} · ${t('production.booking.integrity', {
                      status: t(`production.booking.integrityStatuses.${e.integrityCheck.status}`),
                    })}`,
            }))}
          />
        </Form.Item>
      )}
      {equipment?.incubatorSeparation === 'compartmented' && (
        <Form.Item
          label={t('production.booking.compartment')}
          name="incubatorCompartment"
          extra={t('production.booking.compartmentHint')}
          rules={needsCompartment(step, equipment) ? [required] : []}
        >
          <InputNumber
            min={1}
            max={equipment.compartments ?? 1}
            precision={0}
            style={{ width: 120 }}
          />
        </Form.Item>
      )}
      <Form.Item label={t('production.booking.line')} name="lineCode" rules={[required]}>
        <Select
          style={{ width: 360 }}
          options={(place?.lines ?? []).map((l) => ({
            value: l.lineCode,
            label: `${l.lineCode} · ${l.name}`,
          }))}
        />
      </Form.Item>
      <Form.Item label={t('production.booking.startsAt')} name="startsAt" rules={[required]}>
        <DateTimeInput
          onChange={(value) =>
            value && form.setFieldsValue({ endsAt: plannedEnd(value, step.plannedDurationHours) })
          }
        />
      </Form.Item>
      <Form.Item
        label={t('production.booking.endsAt')}
        name="endsAt"
        dependencies={['startsAt']}
        rules={[
          required,
          ({ getFieldValue }) => ({
            validator: (_r, value?: string) =>
              value && getFieldValue('startsAt') && value <= getFieldValue('startsAt')
                ? Promise.reject(new Error(t('production.booking.endsAfterStart')))
                : Promise.resolve(),
          }),
        ]}
      >
        <DateTimeInput />
      </Form.Item>
    </StepForm>
  );
}
