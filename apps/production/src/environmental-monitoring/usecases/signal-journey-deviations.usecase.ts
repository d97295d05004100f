import { Injectable } from '@nestjs/common';
import {
  type DeviationNotice,
  deviationRaisedSignal,
  emDeviationPayloadSchema,
  type EventEnvelope,
  journeyWorkflowId,
} from '@v2v/contracts';
import type { EventHandler } from '@v2v/messaging';
import { TemporalClientPort } from '@v2v/service-kit';

/** Only an excursion's deviation: the batch record's own reach the journey through its child. */
const isEmDeviation = (envelope: EventEnvelope) =>
  envelope.messageType === 'deviation.raised.v1' &&
  (envelope.payload as { detail?: { source?: unknown } }).detail?.source === 'em-excursion';

/**
 * PRD-05: the deviation an excursion raised reaches its journey as a signal, so the journey's
 * view and timeline show it. Run by production's consumer of its own topic, once per event id
 * (the inbox); the journey keeps each deviation once, so a signal repeated after a crash before
 * the commit is harmless. A journey no longer running has nothing to show it on.
 */
@Injectable()
export class SignalJourneyDeviationsUseCase {
  constructor(private readonly temporal: TemporalClientPort) {}

  async execute(envelope: EventEnvelope): Promise<void> {
    if (!isEmDeviation(envelope)) return;
    const { donorCode, detail } = emDeviationPayloadSchema.parse(envelope.payload);
    const notice: DeviationNotice = {
      deviationId: detail.deviationId,
      rule: detail.rule,
      detectedAt: detail.detectedAt,
      description: detail.description,
    };
    await this.temporal.signalIfRunning(
      journeyWorkflowId(donorCode),
      deviationRaisedSignal,
      notice,
    );
  }

  /** The use case as the journey-deviation consumer's handler. */
  handler(): EventHandler {
    return (envelope) => this.execute(envelope);
  }
}
