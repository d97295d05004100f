import { DataSource } from 'typeorm';
import { assertQualifiedShipper, DonorIntakeActivities, TOPICS } from '@v2v/contracts';
import { stepRecorder } from '@v2v/messaging';
import { findShipperQualification } from '@v2v/shipper-qualification';
import { SignatureRecorder } from '@v2v/signatures';
import { assertInstitutionQualified } from '../institutions/institution-eligibility';
import { InstitutionRepository } from '../institutions/institution.repository';
import { createDonorMaterialActivities, positiveFlag } from '../material/donor-material.activities';

/**
 * The donor-intake activities the journey calls on the `donor-intake` task queue. Each
 * records the step and its custody event once per event id.
 */
export function createDonorIntakeActivities(
  dataSource: DataSource,
  institutions: InstitutionRepository,
  signatures: SignatureRecorder,
): DonorIntakeActivities {
  const steps = stepRecorder(dataSource, {
    schema: 'donor_intake',
    producer: 'donor-intake',
    topic: TOPICS.donorIntake,
  });
  const flagged = (markers: string[], summary: string) =>
    positiveFlag(markers) ? `${summary}; ${positiveFlag(markers)}` : summary;
  return {
    ...createDonorMaterialActivities(dataSource, steps, institutions, signatures),
    scheduleCollection: (input) =>
      steps.record(input, {
        recordType: 'collection-schedule',
        messageType: 'collection.scheduled.v1',
        summary: `collection scheduled for ${input.payload.collectionDate}`,
        detail: input.payload,
      }),
    recordCollection: (input) =>
      steps.record(
        input,
        {
          recordType: 'collection',
          messageType: 'donor-material.collected.v1',
          summary: flagged(
            input.knownPositiveMarkers,
            `collected ${input.payload.volumeMl} mL by ${input.payload.collectionOperator}, bag lot ${input.payload.bagLot}`,
          ),
          detail: { ...input.payload, knownPositiveMarkers: input.knownPositiveMarkers },
        },
        // DON-02: only an approved institution with a valid agreement may collect.
        async (manager) =>
          assertInstitutionQualified(
            await institutions.findById(input.order.institutionId, manager),
            input.order.institutionId,
            input.occurredAt.slice(0, 10),
          ),
      ),
    recordPostCollectionStorage: (input) =>
      steps.record(input, {
        recordType: 'post-collection-storage',
        messageType: 'donor-material.stored.v1',
        summary: `stored at ${input.payload.location}, ${input.payload.minTemperatureC}–${input.payload.maxTemperatureC} °C until ${input.payload.storedUntil}`,
        detail: { ...input.payload, knownPositiveMarkers: input.knownPositiveMarkers },
      }),
    handOverToCourier: (input) =>
      steps.record(
        input,
        {
          recordType: 'transport-hand-over',
          messageType: 'donor-material.handed-to-courier.v1',
          summary: flagged(
            input.knownPositiveMarkers,
            `package ${input.payload.packageId} handed to ${input.payload.courier} on shipper ${input.payload.shipperId}`,
          ),
          detail: {
            ...input.payload,
            knownPositiveMarkers: input.knownPositiveMarkers,
            packageFlag: positiveFlag(input.knownPositiveMarkers) ?? null,
          },
        },
        async (manager) => {
          const qualification = await findShipperQualification(
            manager,
            'donor_intake',
            input.payload.shipperId,
          );
          assertQualifiedShipper(
            input.payload.shipperId,
            'donor-material',
            qualification,
            input.occurredAt.slice(0, 10),
          );
        },
      ),
    cancelJourney: (input) =>
      steps.record(input, {
        recordType: 'journey-cancellation',
        messageType: 'journey.cancelled.v1',
        summary: `journey cancelled: ${input.payload.reason}`,
        detail: input.payload,
      }),
    raiseTransportDeviation: (input) => steps.deviation(input),
  };
}
