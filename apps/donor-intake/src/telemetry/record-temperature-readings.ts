import { EntityManager } from 'typeorm';
import { EventEnvelope, journeyWorkflowId, temperatureReadingsSchema, temperatureReadingsSignal } from '@v2v/contracts';
import type { EventHandler } from '@v2v/messaging';
import { signalIfRunning } from '@v2v/temporal';

/**
 * Stores a logger upload per leg (once: each reading's id derives from the event id) and
 * passes it to the journey, whose open leg raises a deviation on an excursion (GEN-01). The
 * signal goes before the commit: a failed commit is redelivered and signalled again, which
 * the leg tolerates; a signal lost after a commit could not be.
 */
export function recordTemperatureReadings(): EventHandler {
  return async (envelope: EventEnvelope, manager: EntityManager) => {
    const upload = temperatureReadingsSchema.parse(envelope.payload);
    for (const [index, reading] of upload.readings.entries()) {
      await manager.query(
        `INSERT INTO "donor_intake"."temperature_reading" ("reading_id", "donor_code", "leg", "logger_id", "measured_at", "temperature_c")
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT ("reading_id") DO NOTHING`,
        [`${envelope.id}:${index}`, upload.donorCode, upload.leg, upload.loggerId, reading.measuredAt, reading.temperatureC],
      );
    }
    // No running journey for this code (closed, or a logger misconfigured): the readings stay on record.
    await signalIfRunning(journeyWorkflowId(upload.donorCode), temperatureReadingsSignal, { leg: upload.leg, loggerId: upload.loggerId, readings: upload.readings });
  };
}
