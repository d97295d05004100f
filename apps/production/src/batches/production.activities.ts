import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import { DomainError, ProductionActivities, TOPICS, verifyLabelScan } from '@v2v/contracts';
import { stepRecorder } from '@v2v/messaging';
import { ProductSpecificationRepository } from '../specifications/product-specification.repository';
import { batchNumber, productLabelContent } from './product-label';

export function createProductionActivities(
  dataSource: DataSource,
  specifications: ProductSpecificationRepository,
): ProductionActivities {
  const steps = stepRecorder(dataSource, {
    schema: 'production',
    producer: 'production',
    topic: TOPICS.production,
  });

  return {
    getProductSpecification: ({ productCode, version }) =>
      specifications.find(productCode, version),

    startProduction: async (input) => {
      const labelVerification = verifyLabelScan(input.donorCode, input.payload.labelScan);
      const [{ seq }] = await dataSource.query(
        `SELECT nextval('"production"."batch_number_seq"') AS seq`,
      );
      const number = batchNumber(new Date(input.occurredAt).getUTCFullYear(), Number(seq));
      const label = productLabelContent({
        donorCode: input.donorCode,
        batchNumber: number,
        productCode: input.order.productCode,
      });
      return steps.record(
        input,
        {
          recordType: 'batch-start',
          messageType: 'batch.started.v1',
          summary: `batch ${number} started, donor material label verified`,
          detail: { batchNumber: number, label, labelVerification },
        },
        async (manager) => {
          const batch = {
            batchNumber: number,
            donorCode: input.donorCode,
            productCode: input.order.productCode,
            status: 'in-production',
            label,
            startedAt: input.occurredAt,
          };
          await manager.query(
            `INSERT INTO "production"."batch"
               ("batch_number", "donor_code", "journey_id", "product_code", "status", "label_content", "started_at")
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [
              number,
              input.donorCode,
              input.journeyId,
              input.order.productCode,
              batch.status,
              label,
              input.occurredAt,
            ],
          );
          await writeAudit(manager, 'production', {
            recordType: 'batch',
            recordId: number,
            journeyId: input.journeyId,
            action: 'create',
            actor: input.actor,
            newValue: batch,
          });
        },
      );
    },

    completeProduction: (input) =>
      steps.record(
        input,
        {
          recordType: 'batch-completion',
          messageType: 'batch.completed.v1',
          summary: `batch completed, ${input.payload.totalCellCount} cells`,
          detail: input.payload,
        },
        async (manager) => {
          const [before] = await manager.query(
            `SELECT "batch_number" AS "batchNumber", "status", "total_cell_count" AS "totalCellCount", "completed_at" AS "completedAt"
               FROM "production"."batch" WHERE "donor_code" = $1 AND "status" = 'in-production' FOR UPDATE`,
            [input.donorCode],
          );
          if (!before)
            throw new DomainError(
              'NOT_FOUND',
              `no batch in production for donor code ${input.donorCode}`,
            );
          const after = {
            ...before,
            status: 'completed',
            totalCellCount: input.payload.totalCellCount,
            completedAt: input.occurredAt,
          };
          await manager.query(
            `UPDATE "production"."batch" SET "status" = $2, "total_cell_count" = $3, "completed_at" = $4 WHERE "batch_number" = $1`,
            [before.batchNumber, after.status, after.totalCellCount, after.completedAt],
          );
          await writeAudit(manager, 'production', {
            recordType: 'batch',
            recordId: before.batchNumber,
            journeyId: input.journeyId,
            action: 'update',
            actor: input.actor,
            reason: 'batch record step: production completed',
            oldValue: before,
            newValue: after,
          });
        },
      ),
  };
}
