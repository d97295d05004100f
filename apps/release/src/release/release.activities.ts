import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import { assertQualifiedShipper, ReleaseActivities, TOPICS, verifyLabelScan } from '@v2v/contracts';
import { stepRecorder } from '@v2v/messaging';
import { findShipperQualification } from '@v2v/shipper-qualification';
import { SignatureRecorder } from '@v2v/signatures';
import { assertBatchReleasable, assertSamePatient, QcResultRow } from './release-rules';

export function createReleaseActivities(
  dataSource: DataSource,
  signatures: SignatureRecorder,
): ReleaseActivities {
  const steps = stepRecorder(dataSource, {
    schema: 'release',
    producer: 'release',
    topic: TOPICS.release,
  });
  const record = steps.record;

  return {
    recordQcResult: (input) =>
      record(
        input,
        {
          recordType: 'qc-result',
          messageType: 'qc-result.recorded.v1',
          summary: `${input.payload.results.length} QC result(s) recorded`,
          detail: input.payload,
        },
        async (manager) => {
          for (const r of input.payload.results) {
            const [{ id }] = await manager.query(
              `INSERT INTO "release"."qc_result"
                 ("donor_code", "event_id", "test", "value", "within_specification", "recorded_by", "recorded_at")
               VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING "id"`,
              [
                input.donorCode,
                input.eventId,
                r.test,
                r.value,
                r.withinSpecification,
                input.actor.userId,
                input.occurredAt,
              ],
            );
            await writeAudit(manager, 'release', {
              recordType: 'qc-result',
              recordId: String(id),
              journeyId: input.journeyId,
              action: 'create',
              actor: input.actor,
              newValue: r,
            });
          }
        },
      ),
    releaseBatch: (input) =>
      record(
        input,
        {
          recordType: 'release-decision',
          messageType: 'batch.released.v1',
          summary: `batch released, signed by qualified person ${input.actor.userId}`,
          detail: input.payload,
        },
        async (manager) => {
          await signatures.recordForStep(manager, 'releaseBatch', input);
          const results: QcResultRow[] = await manager.query(
            `SELECT "test", "within_specification" AS "withinSpecification" FROM "release"."qc_result" WHERE "donor_code" = $1`,
            [input.donorCode],
          );
          assertBatchReleasable(results);
        },
      ),
    rejectBatch: (input) =>
      record(
        input,
        {
          recordType: 'release-decision',
          messageType: 'batch.rejected.v1',
          summary: `batch rejected: ${input.payload.reason}`,
          detail: input.payload,
        },
        (manager) => signatures.recordForStep(manager, 'rejectBatch', input),
      ),
    shipToSite: (input) =>
      record(
        input,
        {
          recordType: 'shipment',
          messageType: 'product.shipped.v1',
          summary: `shipped with ${input.payload.courier} on shipper ${input.payload.shipperId}`,
          detail: input.payload,
        },
        async (manager) => {
          const qualification = await findShipperQualification(
            manager,
            'release',
            input.payload.shipperId,
          );
          assertQualifiedShipper(
            input.payload.shipperId,
            'product',
            qualification,
            input.occurredAt.slice(0, 10),
          );
        },
      ),
    receiveAtSite: async (input) => {
      const labelVerification = verifyLabelScan(input.donorCode, input.payload.labelScan);
      return record(input, {
        recordType: 'site-receipt',
        messageType: 'product.received-at-site.v1',
        summary: 'received at the treatment site, label verified',
        detail: { ...input.payload, labelVerification },
      });
    },
    recordInfusion: async (input) => {
      const labelVerification = verifyLabelScan(input.donorCode, input.payload.bedsideScan);
      assertSamePatient(input.order.patientReference, input.payload.patientReference);
      return record(input, {
        recordType: 'infusion',
        messageType: 'product.infused.v1',
        summary: 'infused after bedside identity check',
        detail: { ...input.payload, labelVerification },
      });
    },
    completeFollowUp: (input) =>
      record(input, {
        recordType: 'follow-up',
        messageType: 'follow-up.completed.v1',
        summary: 'follow-up completed',
        detail: input.payload,
      }),
    raiseShipmentDeviation: (input) => steps.deviation(input),
  };
}
