import { EventEnvelope } from '@v2v/contracts';
import {
  canonicalContent,
  ChainHead,
  contentHash,
  entryHash,
  GENESIS_HASH,
  StoredEntry,
} from '@v2v/integrity';

/** A ledger row: the hashed fields plus the envelope's indexed columns. */
export interface LedgerEntry extends StoredEntry {
  eventId: string;
  messageType: string;
  occurredAt: string;
  producer: string;
}

export function emptyChainHead(chainId: string): ChainHead {
  return { chainId, seq: 0, entryHash: GENESIS_HASH };
}

/**
 * The entry that follows `head` on its chain. The content is the RFC 8785 canonical JSON of the
 * whole envelope, stored as it was hashed; the primitives (canonical form, content hash, entry
 * hash) are defined once for the ledger and the audit trail in `@v2v/integrity`.
 */
export function nextLedgerEntry(head: ChainHead, envelope: EventEnvelope): LedgerEntry {
  const canonical = canonicalContent(envelope);
  const seq = head.seq + 1;
  const hashed = {
    chainId: head.chainId,
    seq,
    prevHash: head.entryHash,
    contentHash: contentHash(canonical),
  };
  return {
    ...hashed,
    canonicalContent: canonical,
    entryHash: entryHash(hashed),
    eventId: envelope.id,
    messageType: envelope.messageType,
    occurredAt: envelope.occurredAt,
    producer: envelope.metadata.producer,
  };
}
