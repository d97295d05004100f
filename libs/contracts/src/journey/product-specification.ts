import { z } from 'zod';
import { type DonorMaterialTests, donorMaterialTestsSchema } from './donor-material-tests';
import { type QcTestPlan, qcTestPlanSchema } from './qc-test-plan';
import { type InstructionsForUse, instructionsForUseSchema } from './instructions-for-use';
import { type ExcursionBudget, excursionBudgetSchema } from '../custody/excursion-budget-schema';

/**
 * The product specification (GEN-03): everything product-specific a journey is checked
 * against — donor screening standards (DON-01), collection, storage, transport and receipt
 * requirements shown to the institution (DON-03), each custody leg's temperature range and
 * time limit (GEN-01), shelf lives, the donor material's own tests (DON-06, QA-02.5) and the
 * QC test plan (QA-02.1). Published versions never
 * change; a journey is pinned to the version it started with.
 */

/** The infectious markers a product may require; HIV, HBV, HCV and syphilis always (DON-04.6). */
export const INFECTIOUS_MARKERS = ['HIV', 'HBV', 'HCV', 'syphilis', 'HTLV', 'CMV', 'EBV'] as const;
export type InfectiousMarker = (typeof INFECTIOUS_MARKERS)[number];
export const MANDATORY_MARKERS: readonly InfectiousMarker[] = ['HIV', 'HBV', 'HCV', 'syphilis'];

const text = (max = 2000) => z.string().trim().min(1).max(max);

const custodyLegLimitSchema = z
  .strictObject({
    /** Maximum duration of the leg, from hand-over to receipt. */
    maxHours: z
      .number()
      .positive()
      .max(24 * 365),
    minTemperatureC: z.number().min(-273),
    maxTemperatureC: z.number().max(100),
    /** The data logger's record is complete only without a longer gap (DON-04.2). */
    maxReadingGapMinutes: z
      .number()
      .int()
      .positive()
      .max(24 * 60),
    /** QA-04: the time out of range the product tolerates, from stability data. */
    excursionBudget: excursionBudgetSchema,
  })
  .refine((l) => l.minTemperatureC < l.maxTemperatureC, {
    message: 'minTemperatureC must be below maxTemperatureC',
  })
  .refine(
    ({ excursionBudget: b, minTemperatureC, maxTemperatureC }) =>
      (b.absoluteMinTemperatureC ?? -Infinity) < minTemperatureC &&
      (b.absoluteMaxTemperatureC ?? Infinity) > maxTemperatureC,
    {
      message: 'the absolute limits of the excursion budget must lie outside the range',
      path: ['excursionBudget'],
    },
  );

export const productSpecificationContentSchema = z
  .strictObject({
    name: text(200),
    donorScreening: z.strictObject({
      /** Every marker needs a result before collection (DON-01) and at receipt (DON-04.6). */
      requiredMarkers: z.array(z.enum(INFECTIOUS_MARKERS)).min(1),
      /**
       * A positive result for one of these refuses the donor (DON-01). Autologous material
       * positive for another marker is accepted, flagged and kept apart (DON-05, FAC-03).
       */
      excludedIfPositive: z.array(z.enum(INFECTIOUS_MARKERS)),
      /** Results older than this at collection are not accepted. */
      resultsValidDays: z.number().int().positive().max(365),
      standards: text(),
    }),
    collection: z
      .strictObject({
        method: text(),
        minVolumeMl: z.number().positive(),
        maxVolumeMl: z.number().positive().max(2000),
        container: text(),
        labelling: text(),
      })
      .refine((c) => c.minVolumeMl <= c.maxVolumeMl, {
        message: 'minVolumeMl must not exceed maxVolumeMl',
      }),
    /** Between the end of collection and the hand-over; its record is required when `required`. */
    postCollectionStorage: z.strictObject({
      required: z.boolean(),
      maxHours: z.number().positive(),
      minTemperatureC: z.number(),
      maxTemperatureC: z.number(),
    }),
    transportToFactory: custodyLegLimitSchema,
    receipt: z.strictObject({ procedure: text() }),
    /** The donor material's own tests, before or after its release to production (QA-02.5). */
    donorMaterialTests: donorMaterialTestsSchema,
    /** From the end of collection to QA release of the donor material (DON-06.2). */
    donorMaterialShelfLifeHours: z.number().positive(),
    shipmentToSite: custodyLegLimitSchema,
    productShelfLifeDays: z.number().int().positive(),
    followUpDays: z.number().int().positive(),
    /** The QC tests of the batch with their acceptance criteria (QA-02.1). */
    qcTestPlan: qcTestPlanSchema,
    /** Thawing, preparation, site storage, transfer to the bedside: shipped with it (OTH-01). */
    instructionsForUse: instructionsForUseSchema,
  })
  .superRefine((spec, ctx) => {
    const missing = MANDATORY_MARKERS.filter(
      (m) => !spec.donorScreening.requiredMarkers.includes(m),
    );
    if (missing.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['donorScreening', 'requiredMarkers'],
        message: `must include ${missing.join(', ')} (DON-04.6)`,
      });
    }
    const unrequired = spec.donorScreening.excludedIfPositive.filter(
      (m) => !spec.donorScreening.requiredMarkers.includes(m),
    );
    if (unrequired.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['donorScreening', 'excludedIfPositive'],
        message: `not required, so never tested: ${unrequired.join(', ')}`,
      });
    }
  });

export type ProductSpecificationContent = z.infer<typeof productSpecificationContentSchema>;
/**
 * A transport leg's limits as stored: versions published before excursion budgets have none
 * (their excursions are deviations for QA to judge, as before).
 */
export type CustodyLegLimit = Omit<
  ProductSpecificationContent['transportToFactory'],
  'excursionBudget'
> & { excursionBudget?: ExcursionBudget };

/**
 * A published version as stored. Versions published before QC test plans were part of the
 * specification have none (`qcTestPlan` absent): QC entry refuses them (QA-02.1). Versions
 * published before the donor material's tests were have no `donorMaterialTests`: their
 * material is released and judged on its screening alone, as before (DON-06, QA-02.5). Nor do
 * older versions have instructions for use (`instructionsForUse` absent): their shipment is
 * refused (OTH-01). Nor have older versions excursion budgets on their transport legs (QA-04).
 */
export interface ProductSpecification extends Omit<
  ProductSpecificationContent,
  | 'qcTestPlan'
  | 'donorMaterialTests'
  | 'instructionsForUse'
  | 'transportToFactory'
  | 'shipmentToSite'
> {
  transportToFactory: CustodyLegLimit;
  shipmentToSite: CustodyLegLimit;
  qcTestPlan?: QcTestPlan;
  donorMaterialTests?: DonorMaterialTests;
  instructionsForUse?: InstructionsForUse;
  productCode: string;
  version: number;
  publishedAt?: string;
  publishedBy?: string;
}

export const productCodeSchema = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'a product code: 2-32 capital letters, digits or dashes');
