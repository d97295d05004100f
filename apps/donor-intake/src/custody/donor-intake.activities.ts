import { DataSource } from 'typeorm';
import {
  DonorIntakeActivities,
  RaiseDeviationInput,
  StepActivityInput,
  StepRecord,
  TOPICS,
  verifyLabelScan,
} from '@v2v/contracts';
import { recordStepOnce } from '@v2v/messaging';

const SCHEMA = 'donor_intake';

/**
 * The donor-intake activities the journey calls on the `donor-intake` task queue. Each
 * records the step and its custody event once per event id (see recordStepOnce).
 */
export function createDonorIntakeActivities(dataSource: DataSource): DonorIntakeActivities {
  const record = (
    input: StepActivityInput<unknown>,
    recordType: string,
    messageType: string,
    summary: string,
    detail: Record<string, unknown>,
  ): Promise<StepRecord> =>
    recordStepOnce(dataSource, {
      schema: SCHEMA,
      producer: 'donor-intake',
      topic: TOPICS.donorIntake,
      eventId: input.eventId,
      donorCode: input.donorCode,
      journeyId: input.journeyId,
      recordType,
      messageType,
      actor: input.actor,
      occurredAt: input.occurredAt,
      summary,
      detail,
    });

  return {
    scheduleCollection: (input) =>
      record(input, 'collection-schedule', 'collection.scheduled.v1', `collection scheduled for ${input.payload.collectionDate}`, input.payload),
    recordCollection: (input) =>
      record(input, 'collection', 'donor-material.collected.v1', `collected ${input.payload.volumeMl} mL, bag lot ${input.payload.bagLot}`, input.payload),
    handOverToCourier: (input) =>
      record(input, 'transport-hand-over', 'donor-material.handed-to-courier.v1', `handed to ${input.payload.courier} on shipper ${input.payload.shipperId}`, input.payload),
    recordMaterialReceipt: async (input) => {
      const labelVerification = verifyLabelScan(input.donorCode, input.payload.labelScan);
      return record(input, 'receipt', 'donor-material.received.v1', 'received at the factory, label verified', {
        ...input.payload,
        labelVerification,
      });
    },
    releaseMaterial: (input) =>
      record(input, 'material-disposition', 'donor-material.released.v1', 'donor material released to production', { decision: 'released', ...input.payload }),
    rejectMaterial: (input) =>
      record(input, 'material-disposition', 'donor-material.rejected.v1', `donor material rejected: ${input.payload.reason}`, { decision: 'rejected', ...input.payload }),
    cancelJourney: (input) =>
      record(input, 'journey-cancellation', 'journey.cancelled.v1', `journey cancelled: ${input.payload.reason}`, input.payload),
    raiseTransportDeviation: (input: RaiseDeviationInput) =>
      recordStepOnce(dataSource, {
        schema: SCHEMA,
        producer: 'donor-intake',
        topic: TOPICS.donorIntake,
        eventId: input.deviation.deviationId,
        donorCode: input.donorCode,
        journeyId: input.journeyId,
        recordType: 'deviation',
        messageType: 'deviation.raised.v1',
        actor: { userId: 'system', role: 'ops' },
        occurredAt: input.deviation.detectedAt,
        summary: input.deviation.description,
        detail: { ...input.deviation },
      }),
  };
}
