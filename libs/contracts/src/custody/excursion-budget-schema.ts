import { z } from 'zod';

// Apart from the budget's judgement (excursion-budget.ts), which the workflow bundle loads.

/**
 * A custody leg's time-out-of-range budget (QA-04, GEN-01), from the product's stability data:
 * the cumulative minutes outside the leg's range the product tolerates, and optionally absolute
 * limits (a cryopreserved bag warmed past its glass transition, fresh material frozen) beyond
 * which a single reading is beyond budget whatever the time.
 */
export const excursionBudgetSchema = z
  .strictObject({
    maxMinutesOutOfRange: z
      .number()
      .int()
      .nonnegative()
      .max(24 * 60),
    /** The stability study the figures come from, by its reference and title. */
    stabilityReference: z.string().trim().min(1).max(500),
    absoluteMinTemperatureC: z.number().min(-273).optional(),
    absoluteMaxTemperatureC: z.number().max(100).optional(),
  })
  .refine(
    (b) =>
      b.absoluteMinTemperatureC === undefined ||
      b.absoluteMaxTemperatureC === undefined ||
      b.absoluteMinTemperatureC < b.absoluteMaxTemperatureC,
    { message: 'absoluteMinTemperatureC must be below absoluteMaxTemperatureC' },
  );
export type ExcursionBudget = z.infer<typeof excursionBudgetSchema>;
