import { z } from 'zod';

/*
 * The instructions for use of a product specification version (OTH-01, §12(1)): how the site
 * thaws, dilutes or washes, prepares and stores the product and takes it to the bedside. Every
 * section is text for the clinicians (Chinese required, English optional) plus its figures as
 * numbers, so that the site's custody legs (site storage, thaw to infusion) can be held to them.
 */

const line = (max: number) => z.string().trim().min(1).max(max);

/** A text in Chinese, the language of the sites, with an optional English version. */
export const bilingualTextSchema = z.strictObject({
  zh: line(4000),
  en: line(4000).optional(),
});
export type BilingualText = z.infer<typeof bilingualTextSchema>;

export const instructionsForUseSchema = z
  .strictObject({
    thawing: z.strictObject({
      text: bilingualTextSchema,
      /** The water bath or thawing device's set temperature. */
      temperatureC: z.number().min(0).max(45),
      method: bilingualTextSchema,
      /** Longest time from the start of thawing to a completely thawed bag. */
      maxMinutes: z.number().int().positive().max(120),
    }),
    dilutionAndWashing: z.strictObject({ text: bilingualTextSchema }),
    preparation: z.strictObject({
      environment: bilingualTextSchema,
      asepticRequirements: bilingualTextSchema,
    }),
    /** At the site, from receipt to thawing: the site storage leg's limits (GEN-01). */
    siteStorage: z.strictObject({
      text: bilingualTextSchema,
      minTemperatureC: z.number().min(-273),
      maxTemperatureC: z.number().max(40),
      maxHours: z
        .number()
        .positive()
        .max(24 * 365),
    }),
    /** From the end of thawing to the start of the infusion: the thaw-to-infusion leg's limit. */
    transferToBedside: z.strictObject({
      text: bilingualTextSchema,
      maxMinutesFromThawToInfusion: z
        .number()
        .int()
        .positive()
        .max(24 * 60),
    }),
    warnings: z.array(bilingualTextSchema).min(1).max(20),
  })
  .refine((i) => i.siteStorage.minTemperatureC < i.siteStorage.maxTemperatureC, {
    message: 'siteStorage.minTemperatureC must be below maxTemperatureC',
    path: ['siteStorage', 'minTemperatureC'],
  });
export type InstructionsForUse = z.infer<typeof instructionsForUseSchema>;
