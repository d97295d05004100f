import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  type CustodyLeg,
  EventEnvelope,
  LoggedReading,
  legTelemetrySignal,
  temperatureReadingsMessageSchema,
} from '@v2v/contracts';
import { writeAudit } from '@v2v/audit';
import type { EventHandler } from '@v2v/messaging';
import { TemporalClientPort } from '@v2v/service-kit';
import { DONOR_INTAKE_SCHEMA } from '../../donor-intake.data-source';
import {
  CustodyLegLoggerRow,
  TemperatureReadingRepository,
} from '../temperature-reading.repository';
import {
  classifyReading,
  requireBoundLogger,
  requireReadingsSinceCollection,
  summariseForLeg,
} from '../telemetry-rules';

/**
 * Stores a logger upload per leg (GEN-01). A reading is keyed by code, leg, logger and time: the
 * same one sent again stores nothing, one with another temperature is flagged as a conflict
 * beside the stored one. An upload from a logger other than the leg's bound one, or with a
 * reading dated before the material was collected, is refused (the consumer sets the message
 * aside with the reason). The open leg is told a summary of what
 * was newly recorded, never the readings (its history stays bounded); the journey is not
 * signalled at all. The signal goes before the commit: a failed commit is redelivered and
 * signalled again, which only recounts; a signal lost after a commit could not be. The summary
 * carries the leg's time out of range over all its stored readings (QA-04): a redelivery finds
 * the same figure.
 */
@Injectable()
export class RecordTemperatureReadingsUseCase {
  constructor(
    private readonly readings: TemperatureReadingRepository,
    private readonly temporal: TemporalClientPort,
  ) {}

  async execute(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    const upload = temperatureReadingsMessageSchema.parse(envelope.payload);
    const { donorCode, leg, loggerId } = upload;
    const uploadedBy = upload.uploadedBy?.userId;
    await this.readings.lockLeg(manager, donorCode, leg);
    const binding = await this.readings.currentBinding(donorCode, leg, manager);
    requireBoundLogger(binding, { donorCode, leg, loggerId, uploadedBy });
    requireReadingsSinceCollection(
      await this.readings.firstCollectedAt(donorCode, manager),
      upload,
    );

    const recorded: LoggedReading[] = [];
    for (const { measuredAt, temperatureC } of upload.readings) {
      const reading = {
        donorCode,
        leg,
        loggerId,
        measuredAt: new Date(measuredAt).toISOString(),
        temperatureC,
      };
      const outcome = classifyReading(await this.readings.insertOnce(manager, reading), reading);
      if (outcome === 'new') recorded.push(reading);
      if (
        outcome === 'conflict' &&
        (await this.readings.flagConflict(manager, reading, {
          eventId: envelope.id,
          uploadedBy,
        }))
      ) {
        // An out-of-range value on record counts for the leg even where it contradicts another.
        recorded.push(reading);
        await writeAudit(manager, DONOR_INTAKE_SCHEMA, {
          recordType: 'temperature-reading-conflict',
          recordId: `${donorCode}/${leg}/${loggerId}/${reading.measuredAt}`,
          journeyId: envelope.metadata.journeyId,
          action: 'create',
          actor: upload.uploadedBy ?? { userId: 'system', role: 'data-logger' },
          newValue: { ...reading, eventId: envelope.id },
        });
      }
    }
    if (binding) await this.tellOpenLeg(manager, binding, donorCode, recorded);
  }

  /** The leg's summary of what was newly recorded, while it runs, with its time out of range. */
  private async tellOpenLeg(
    manager: EntityManager,
    binding: CustodyLegLoggerRow,
    donorCode: string,
    recorded: LoggedReading[],
  ) {
    const range = legRange(binding);
    const legReadings =
      range && recorded.length
        ? await this.readings.storedForLeg(
            manager,
            {
              legWorkflowId: binding.legWorkflowId,
              donorCode,
              leg: binding.leg as CustodyLeg,
              ...(binding.loggerId ? { loggerId: binding.loggerId } : {}),
              startedAt: new Date(binding.startedAt).toISOString(),
            },
            { withConflicts: true },
          )
        : [];
    const summary = summariseForLeg(recorded, legReadings, range);
    // A closed leg (received, or its journey ended) is not running: the readings stay on record.
    if (summary)
      await this.temporal.signalIfRunning(binding.legWorkflowId, legTelemetrySignal, summary);
  }

  /** The use case as the telemetry consumer's handler. */
  handler(): EventHandler {
    return (envelope, manager) => this.execute(envelope, manager);
  }
}

export function legRange(binding: CustodyLegLoggerRow) {
  return binding.minTemperatureC === null || binding.maxTemperatureC === null
    ? undefined
    : {
        minTemperatureC: Number(binding.minTemperatureC),
        maxTemperatureC: Number(binding.maxTemperatureC),
      };
}
