import { z } from 'zod';
import { plausibleInstant } from '../events/plausible-instant';
import { isValidDonorCode } from '../identifiers/donor-unique-code';
import { actorSchema } from '../journey/actor';
import type { CustodyLeg } from '../journey/journey.contracts';

/**
 * Data-logger temperature readings (GEN-01): posted to the gateway, published through its
 * outbox on their own topic (keyed by donor code), stored per leg by donor-intake and
 * watched by the leg's custody workflow.
 */
export const TELEMETRY_TOPIC = 'v2v.telemetry.readings.v1';
export const TEMPERATURE_READINGS_MESSAGE_TYPE = 'temperature-readings.recorded.v1';

export const CUSTODY_LEGS = [
  'transport-to-factory',
  'shipment-to-site',
  'site-storage',
  'thaw-to-infusion',
] as const satisfies readonly CustodyLeg[];

export const temperatureReadingsSchema = z.strictObject({
  loggerId: z.string().trim().min(1).max(64),
  donorCode: z
    .string()
    .refine(isValidDonorCode, { message: 'not a valid donor unique code (TRC-02)' }),
  leg: z.enum(CUSTODY_LEGS),
  readings: z
    .array(
      z.strictObject({
        /**
         * A logger's clock: never before 2000 (an unset clock reads year 0), never ahead of the
         * receiver's beyond the clock skew (a reading cannot be uploaded before it is taken).
         * Not before the material's collection is donor-intake's check, which knows it.
         */
        measuredAt: plausibleInstant(),
        temperatureC: z.number().min(-273).max(100),
      }),
    )
    .min(1)
    .max(2000),
});
export type TemperatureReadings = z.infer<typeof temperatureReadingsSchema>;

/**
 * An upload as the gateway publishes it: the body and the device account that sent it, so a
 * refusal names who sent the readings (GEN-01). Absent in messages published before.
 */
export const temperatureReadingsMessageSchema = temperatureReadingsSchema.extend({
  uploadedBy: actorSchema.optional(),
});
export type TemperatureReadingsMessage = z.infer<typeof temperatureReadingsMessageSchema>;
