import { DataSource } from 'typeorm';
import { ProductionActivities, TOPICS, verifyLabelScan } from '@v2v/contracts';
import { stepRecorder } from '@v2v/messaging';
import { ProductSpecificationRepository } from '../specifications/product-specification.repository';
import { batchNumber, productLabelContent } from './product-label';

export function createProductionActivities(
  dataSource: DataSource,
  specifications: ProductSpecificationRepository,
): ProductionActivities {
  const steps = stepRecorder(dataSource, { schema: 'production', producer: 'production', topic: TOPICS.production });

  return {
    getProductSpecification: ({ productCode, version }) => specifications.find(productCode, version),

    startProduction: async (input) => {
      const labelVerification = verifyLabelScan(input.donorCode, input.payload.labelScan);
      const [{ seq }] = await dataSource.query(`SELECT nextval('"production"."batch_number_seq"') AS seq`);
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
        (manager) =>
          manager.query(
            `INSERT INTO "production"."batch"
               ("batch_number", "donor_code", "journey_id", "product_code", "status", "label_content", "started_at")
             VALUES ($1, $2, $3, $4, 'in-production', $5, $6)`,
            [number, input.donorCode, input.journeyId, input.order.productCode, label, input.occurredAt],
          ),
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
          await manager.query(
            `UPDATE "production"."batch" SET "status" = 'completed', "total_cell_count" = $2, "completed_at" = $3
              WHERE "donor_code" = $1 AND "status" = 'in-production'`,
            [input.donorCode, input.payload.totalCellCount, input.occurredAt],
          );
        },
      ),
  };
}
