import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  journeyWorkflowId,
  TELEMETRY_TOPIC,
  TEMPERATURE_READINGS_MESSAGE_TYPE,
  TemperatureReadingsMessage,
} from '@v2v/contracts';
import { appendToOutbox } from '@v2v/messaging';

/** The gateway's outbox, as far as data-logger uploads go: the relay takes them to Kafka. */
@Injectable()
export class TelemetryOutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Accepts an upload for a checked donor code; the returned envelope id is its event id. */
  accept(donorCode: string, body: TemperatureReadingsMessage) {
    return this.dataSource.transaction((manager) =>
      appendToOutbox(
        manager,
        {
          topic: TELEMETRY_TOPIC,
          aggregateType: 'journey',
          aggregateId: donorCode,
          messageType: TEMPERATURE_READINGS_MESSAGE_TYPE,
          producer: 'gateway',
          journeyId: journeyWorkflowId(donorCode),
          payload: { ...body, donorCode },
        },
        'gateway',
      ),
    );
  }
}
