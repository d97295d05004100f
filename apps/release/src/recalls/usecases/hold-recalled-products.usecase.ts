import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { type EventEnvelope, recallNoticeOf } from '@v2v/contracts';
import type { EventHandler } from '@v2v/messaging';
import { RecallHoldRepository } from '../recall-hold.repository';

/**
 * QA-04: each `recall.notified.v1` production publishes becomes release's hold on the donor
 * code's product, in the inbox's transaction (once per event id, and once per recall and donor
 * code). A notice that breaks its contract throws and is set aside (CSV-04).
 */
@Injectable()
export class HoldRecalledProductsUseCase {
  constructor(private readonly holds: RecallHoldRepository) {}

  async execute(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    if (envelope.messageType !== 'recall.notified.v1') return;
    const { donorCode, notice } = recallNoticeOf(envelope.payload);
    await this.holds.insertOnce(manager, envelope.id, donorCode, notice);
  }

  /** The use case as release's recall consumer's handler. */
  handler(): EventHandler {
    return (envelope, manager) => this.execute(envelope, manager);
  }
}
