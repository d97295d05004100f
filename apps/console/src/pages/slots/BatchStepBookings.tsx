import type { BatchRecordView } from '@v2v/contracts';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { localTime } from '../../format';
import type { BatchContext } from '../batch/batch-context';
import { bookingsOf } from '../batch/batch-record';
import { BookProcessStepForm } from './BookProcessStepForm';
import { stepToBook } from './step-booking';

/**
 * The production manager's part of the batch record: the batch's bookings still to be worked,
 * and the booking of the next step that has none (PRD-04).
 */
export function BatchStepBookings(props: {
  view: BatchRecordView;
  context: BatchContext;
  onRecorded(): void;
}) {
  const { t, i18n } = useTranslation();
  const { view, context } = props;
  const next = stepToBook(view, context.bookings);
  const definition = context.steps.find((s) => s.stepId === next?.stepId);
  const open = view.steps.flatMap((step) =>
    bookingsOf(context.bookings, view.donorCode, step.stepId).map((booking) => ({ step, booking })),
  );
  return (
    <>
      {open.map(({ step, booking }) => (
        <Alert
          key={booking.bookingId}
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid={`booked-${step.stepId}`}
          title={t('production.booking.booked', {
            step: step.name,
            place: [
              booking.roomCode,
              booking.equipmentCode,
              booking.incubatorCompartment ? `#${booking.incubatorCompartment}` : null,
              booking.lineCode,
            ]
              .filter(Boolean)
              .join(' · '),
            from: localTime(booking.startsAt, i18n.language),
            to: localTime(booking.endsAt, i18n.language),
          })}
        />
      ))}
      {definition && (
        <BookProcessStepForm
          key={definition.stepId}
          donorCode={view.donorCode}
          productCode={view.productCode}
          processVersion={view.processVersion}
          step={definition}
          areas={context.facility.areas}
          lineCodes={context.lineCodes}
          knownPositiveMarkers={context.knownPositiveMarkers}
          onRecorded={props.onRecorded}
        />
      )}
    </>
  );
}
