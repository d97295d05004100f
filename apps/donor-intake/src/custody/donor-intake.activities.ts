import { DataSource } from 'typeorm';
import { assertQualifiedShipper, DonorIntakeActivities, TOPICS, verifyLabelScan } from '@v2v/contracts';
import { findShipperQualification, stepRecorder } from '@v2v/messaging';

/**
 * The donor-intake activities the journey calls on the `donor-intake` task queue. Each
 * records the step and its custody event once per event id.
 */
export function createDonorIntakeActivities(dataSource: DataSource): DonorIntakeActivities {
  const steps = stepRecorder(dataSource, { schema: 'donor_intake', producer: 'donor-intake', topic: TOPICS.donorIntake });
  return {
    scheduleCollection: (input) =>
      steps.record(input, { recordType: 'collection-schedule', messageType: 'collection.scheduled.v1', summary: `collection scheduled for ${input.payload.collectionDate}`, detail: input.payload }),
    recordCollection: (input) =>
      steps.record(input, { recordType: 'collection', messageType: 'donor-material.collected.v1', summary: `collected ${input.payload.volumeMl} mL, bag lot ${input.payload.bagLot}`, detail: input.payload }),
    handOverToCourier: (input) =>
      steps.record(
        input,
        { recordType: 'transport-hand-over', messageType: 'donor-material.handed-to-courier.v1', summary: `handed to ${input.payload.courier} on shipper ${input.payload.shipperId}`, detail: input.payload },
        async (manager) => {
          const qualification = await findShipperQualification(manager, 'donor_intake', input.payload.shipperId);
          assertQualifiedShipper(input.payload.shipperId, 'donor-material', qualification, input.occurredAt.slice(0, 10));
        },
      ),
    recordMaterialReceipt: async (input) => {
      const labelVerification = verifyLabelScan(input.donorCode, input.payload.labelScan);
      return steps.record(input, { recordType: 'receipt', messageType: 'donor-material.received.v1', summary: 'received at the factory, label verified', detail: { ...input.payload, labelVerification } });
    },
    releaseMaterial: (input) =>
      steps.record(input, { recordType: 'material-disposition', messageType: 'donor-material.released.v1', summary: `donor material released to production, signed by ${input.payload.signature.signer.userId}`, detail: input.payload }),
    rejectMaterial: (input) =>
      steps.record(input, { recordType: 'material-disposition', messageType: 'donor-material.rejected.v1', summary: `donor material rejected: ${input.payload.reason}`, detail: input.payload }),
    cancelJourney: (input) =>
      steps.record(input, { recordType: 'journey-cancellation', messageType: 'journey.cancelled.v1', summary: `journey cancelled: ${input.payload.reason}`, detail: input.payload }),
    raiseTransportDeviation: (input) => steps.deviation(input),
  };
}
