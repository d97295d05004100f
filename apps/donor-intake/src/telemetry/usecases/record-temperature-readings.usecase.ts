import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  EventEnvelope,
  journeyWorkflowId,
  temperatureReadingsSchema,
  temperatureReadingsSignal,
} from '@v2v/contracts';
import type { EventHandler } from '@v2v/messaging';
import { TemporalClientPort } from '@v2v/service-kit';
import { TemperatureReadingRepository } from '../temperature-reading.repository';

/**
 * Stores a logger upload per leg (once: a reading is keyed by code, leg, logger and time, so
 * an upload sent twice, with or without an idempotency key, stores nothing twice) and
 * passes it to the journey, whose open leg raises a deviation on an excursion (GEN-01). The
 * signal goes before the commit: a failed commit is redelivered and signalled again, which
 * the leg tolerates; a signal lost after a commit could not be.
 */
@Injectable()
export class RecordTemperatureReadingsUseCase {
  constructor(
    private readonly readings: TemperatureReadingRepository,
    private readonly temporal: TemporalClientPort,
  ) {}

  async execute(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    const upload = temperatureReadingsSchema.parse(envelope.payload);
    for (const reading of upload.readings) {
      await this.readings.insertOnce(manager, {
        donorCode: upload.donorCode,
        leg: upload.leg,
        loggerId: upload.loggerId,
        measuredAt: new Date(reading.measuredAt).toISOString(),
        temperatureC: reading.temperatureC,
      });
    }
    // No running journey for this code (closed, or a logger misconfigured): the readings stay on
    // record.
    await this.temporal.signalIfRunning(
      journeyWorkflowId(upload.donorCode),
      temperatureReadingsSignal,
      { leg: upload.leg, loggerId: upload.loggerId, readings: upload.readings },
    );
  }

  /** The use case as the telemetry consumer's handler. */
  handler(): EventHandler {
    return (envelope, manager) => this.execute(envelope, manager);
  }
}
