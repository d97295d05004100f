import { EntityManager } from 'typeorm';
import {
  EventEnvelope,
  journeyWorkflowId,
  temperatureReadingsSchema,
  temperatureReadingsSignal,
} from '@v2v/contracts';
import type { EventHandler } from '@v2v/messaging';
import { signalIfRunning } from '@v2v/temporal';

/**
 * Stores a logger upload per leg (once: a reading is keyed by code, leg, logger and time, so
 * an upload sent twice, with or without an idempotency key, stores nothing twice) and
 * passes it to the journey, whose open leg raises a deviation on an excursion (GEN-01). The
 * signal goes before the commit: a failed commit is redelivered and signalled again, which
 * the leg tolerates; a signal lost after a commit could not be.
 */
export function recordTemperatureReadings(): EventHandler {
  return async (envelope: EventEnvelope, manager: EntityManager) => {
    const upload = temperatureReadingsSchema.parse(envelope.payload);
    for (const reading of upload.readings) {
      const measuredAt = new Date(reading.measuredAt).toISOString();
      await manager.query(
        `INSERT INTO "donor_intake"."temperature_reading" ("reading_id", "donor_code", "leg", "logger_id", "measured_at", "temperature_c")
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT ("reading_id") DO NOTHING`,
        [
          `${upload.donorCode}/${upload.leg}/${upload.loggerId}/${measuredAt}`,
          upload.donorCode,
          upload.leg,
          upload.loggerId,
          measuredAt,
          reading.temperatureC,
        ],
      );
    }
    // No running journey for this code (closed, or a logger misconfigured): the readings stay on record.
    await signalIfRunning(journeyWorkflowId(upload.donorCode), temperatureReadingsSignal, {
      leg: upload.leg,
      loggerId: upload.loggerId,
      readings: upload.readings,
    });
  };
}
