import { Injectable } from '@nestjs/common';
import { DomainError, requireDonorCode } from '@v2v/contracts';
import { LedgerRepository } from '../ledger/ledger.repository';

export interface TraceEntry {
  seq: number;
  eventId: string;
  messageType: string;
  occurredAt: string;
  recordedAt: string;
  producer: string;
  summary: string;
  actor?: { userId: string; role: string };
  entryHash: string;
}

export interface DonorTrace {
  donorCode: string;
  patientReference: string;
  institutionId: string;
  productCode: string;
  entries: TraceEntry[];
}

/** TRC-01: the chain of custody of one donor's material, donor → patient, in occurrence order. */
@Injectable()
export class TraceByDonorCodeUseCase {
  constructor(private readonly ledger: LedgerRepository) {}

  async execute(rawDonorCode: string): Promise<DonorTrace> {
    const donorCode = requireDonorCode(rawDonorCode);
    const link = await this.ledger.findLink(donorCode);
    if (!link)
      throw new DomainError('NOT_FOUND', `no chain of custody for donor code ${donorCode}`);
    const entries = (await this.ledger.chain(donorCode)).map((e) => {
      // Displayed fields come from the hashed content itself, never from unhashed columns.
      const content = JSON.parse(e.canonicalContent) as {
        payload: { summary?: string; actor?: TraceEntry['actor'] };
      };
      return {
        seq: e.seq,
        eventId: e.eventId,
        messageType: e.messageType,
        occurredAt: e.occurredAt,
        recordedAt: e.recordedAt,
        producer: e.producer,
        summary: content.payload.summary ?? '',
        actor: content.payload.actor,
        entryHash: e.entryHash,
      };
    });
    // Services publish on their own topics, so the ledger's append order (seq) can differ
    // from the order things happened; the trace reads in occurrence order, seq as tie-break.
    entries.sort((a, b) =>
      a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.seq - b.seq,
    );
    return { ...link, entries };
  }
}
