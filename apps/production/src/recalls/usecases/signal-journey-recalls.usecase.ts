import { Injectable } from '@nestjs/common';
import {
  type EventEnvelope,
  journeyWorkflowId,
  recallNoticeOf,
  recallNoticeSignal,
} from '@v2v/contracts';
import type { EventHandler } from '@v2v/messaging';
import { TemporalClientPort } from '@v2v/service-kit';

/**
 * QA-04: a recall reaches each affected journey as the signal `recallNotice`, so the journey
 * shows it and refuses shipment, receipt at site and infusion. Run by production's consumer of
 * its own topic, once per event id (the inbox); the journey keeps each recall once by its id, so
 * a signal repeated after a crash before the commit is harmless. A journey no longer running
 * (closed, cancelled) is skipped: its unit is tracked by the recall's dispositions.
 */
@Injectable()
export class SignalJourneyRecallsUseCase {
  constructor(private readonly temporal: TemporalClientPort) {}

  async execute(envelope: EventEnvelope): Promise<void> {
    if (envelope.messageType !== 'recall.notified.v1') return;
    const { donorCode, notice } = recallNoticeOf(envelope.payload);
    await this.temporal.signalIfRunning(journeyWorkflowId(donorCode), recallNoticeSignal, notice);
  }

  /** The use case as a handler of production's journey-signal consumer. */
  handler(): EventHandler {
    return (envelope) => this.execute(envelope);
  }
}
