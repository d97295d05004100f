import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, outcome } from '../../api/client';
import { StepForm } from '../../components/StepForm';
import { localTime } from '../../format';
import type { CalendarBooking } from './batch-record';

/**
 * §9(5)4: the line clearance of the room once the step on this booking has ended; until it is
 * recorded the room's next booking and start are refused (PRD-04). The server records the time.
 */
export function LineClearanceForm(props: { booking: CalendarBooking; onRecorded(): void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<{ note?: string }>();
  const { booking } = props;
  return (
    <StepForm
      form={form}
      name={`line-clearance-${booking.stepId}`}
      title={t('batch.clearance.title', {
        step: booking.stepId,
        room: booking.roomCode,
        at: booking.completedAt ? localTime(booking.completedAt, i18n.language) : '',
      })}
      submitLabel={t('batch.clearance.submit')}
      send={({ note }) =>
        outcome(
          api.POST('/api/production-calendar/bookings/{bookingId}/line-clearance', {
            params: { path: { bookingId: booking.bookingId } },
            body: note?.trim() ? { note: note.trim() } : {},
          }),
        )
      }
      onRecorded={props.onRecorded}
    >
      <Form.Item label={t('batch.clearance.note')} name="note" rules={[{ max: 2000 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </StepForm>
  );
}
