import type { CustodyEventType } from '@v2v/contracts';

/** One entry of a donor's chain of custody as `GET /api/traces/donors/{donorCode}` answers it. */
export interface TraceEntry {
  seq: number;
  eventId: string;
  messageType: CustodyEventType;
  occurredAt: string;
  recordedAt: string;
  producer: string;
  summary: string;
  actor?: { userId: string; role: string };
  entryHash: string;
}

/** The chain of custody of one donor unique code, in occurrence order (TRC-01). */
export interface DonorTrace {
  donorCode: string;
  patientReference: string;
  institutionId: string;
  productCode: string;
  entries: TraceEntry[];
}

/** A node of the picture: its code, when it was reached, and what the ledger says of it. */
export interface CustodyNode {
  code: string;
  at?: string;
  summary?: string;
  /** A unit or batch rejected, or the product's release voided: the chain stops there. */
  refused?: boolean;
}

export interface CustodyBatch extends CustodyNode {
  /** The key-material lots its steps consumed (PRD-03), in the order consumed. */
  lots: CustodyNode[];
}

/** Donor → donor-material unit(s) → batch(es) → product → patient, as in the ledger. */
export interface CustodyPicture {
  donor: CustodyNode;
  units: CustodyNode[];
  batches: CustodyBatch[];
  product: CustodyNode;
  patient: CustodyNode;
}

const UNIT_REFUSED: CustodyEventType[] = ['donor-material.rejected.v1'];
const BATCH_REFUSED: CustodyEventType[] = ['batch.rejected-in-production.v1', 'batch.rejected.v1'];
/** The finished product's custody, last one wins: released, shipped, received at the site. */
const PRODUCT_EVENTS: CustodyEventType[] = [
  'batch.released.v1',
  'product.shipped.v1',
  'product.received-at-site.v1',
];

/*
 * The trace shows each entry's hashed summary, not its detail: the codes are read from the
 * sentences the services write (start-production, record-key-material-consumption use cases).
 */
const BATCH_STARTED = /^batch (\S+) started/;
const LOT_CONSUMED = /key-material lot (\S+) \(([^)]+)\)/;

/**
 * Lays the chain of custody out as its picture. Each unit is a collection of the donor's
 * material (a recollection adds one); each batch a production start, with the lots consumed
 * and the refusals that followed it until the next start; `batchNumber` (the journey's) names
 * a batch whose start sentence does not.
 */
export function custodyPicture(trace: DonorTrace, batchNumber?: string): CustodyPicture {
  const units: CustodyNode[] = [];
  const batches: CustodyBatch[] = [];
  const donor: CustodyNode = { code: trace.donorCode };
  const product: CustodyNode = { code: trace.productCode };
  const patient: CustodyNode = { code: trace.patientReference };
  for (const entry of trace.entries) {
    const at = entry.occurredAt;
    const { summary } = entry;
    const unit = units.at(-1);
    const batch = batches.at(-1);
    if (entry.messageType === 'donor.registered.v1') Object.assign(donor, { at, summary });
    else if (entry.messageType === 'donor-material.collected.v1')
      units.push({ code: trace.donorCode, at, summary });
    else if (UNIT_REFUSED.includes(entry.messageType) && unit)
      Object.assign(unit, { refused: true, summary });
    else if (entry.messageType === 'batch.started.v1') {
      const code = BATCH_STARTED.exec(summary)?.[1] ?? batchNumber ?? entry.eventId;
      batches.push({ code, at, summary, lots: [] });
    } else if (entry.messageType === 'key-material.consumed.v1' && batch) {
      const lot = LOT_CONSUMED.exec(summary);
      batch.lots.push({ code: lot ? `${lot[1]} · ${lot[2]}` : entry.eventId, at, summary });
    } else if (BATCH_REFUSED.includes(entry.messageType) && batch)
      Object.assign(batch, { refused: true, summary });
    else if (PRODUCT_EVENTS.includes(entry.messageType))
      Object.assign(product, { at, summary, refused: false });
    else if (entry.messageType === 'batch.release-voided.v1')
      Object.assign(product, { summary, refused: true });
    else if (entry.messageType === 'product.infused.v1') Object.assign(patient, { at, summary });
  }
  return { donor, units, batches, product, patient };
}
