import { z } from 'zod';
import { productCodeSchema } from '../journey/product-specification';

/*
 * The scheduler's view of manufacturing capacity (issue 11): per eligible line and day, what
 * the line carries, what is taken by held or booked slots and what is free. The gateway
 * validates the query at the edge; production answers it from the slots on record.
 */

export const manufacturingCapacityQuerySchema = z.strictObject({
  from: z.iso.date().describe('the first day, YYYY-MM-DD'),
  days: z.coerce.number().int().min(1).max(62).default(14),
  productCode: productCodeSchema,
});
export type ManufacturingCapacityQuery = z.infer<typeof manufacturingCapacityQuerySchema>;

/** One line on one day: its capacity in batches, the batches on it, and the places left. */
export interface LineDayCapacity {
  day: string;
  capacity: number;
  taken: number;
  free: number;
}

/** A line the product's process may run on (its area may hold the material), day by day. */
export interface LineCapacity {
  lineCode: string;
  areaCode: string;
  areaPurpose: string;
  days: LineDayCapacity[];
}

export interface ManufacturingCapacity {
  productCode: string;
  processVersion: number;
  from: string;
  days: number;
  /** PRD-04: the validated worst case's limit of concurrent lines per area, if any. */
  maxConcurrentLinesInArea: number | null;
  lines: LineCapacity[];
}
