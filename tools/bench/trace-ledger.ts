import { randomUUID } from 'node:crypto';
import {
  EventEnvelope,
  formatDonorCode,
  generateDonorUniqueCode,
  JOURNEY_STEP_RECORDS,
  journeyWorkflowId,
} from '@v2v/contracts';
import type { ChainHead } from '@v2v/integrity';
import { happyPathSteps } from '@v2v/testing';
import {
  emptyChainHead,
  LedgerEntry,
  nextLedgerEntry,
} from '../../apps/traceability/src/ledger/ledger-entry';
import type { DonorPatientLink } from '../../apps/traceability/src/ledger/ledger.repository';

/** The facility of the bench's donor codes, no real site's: the bench has its own database. */
const BENCH_FACILITY = 'Z9999';
const INSTITUTION = 'INST-001';
const PRODUCT = 'CART-CD19';
/** The donor codes of one facility and year: the bench's journeys are numbered 1 … this. */
export const MAX_BENCH_JOURNEYS = 999_999;
const HOUR_MS = 3_600_000;

/** What one journey leaves in the traceability schema: its link, its chain, its chain's head. */
export interface BenchJourneyLedger {
  link: DonorPatientLink;
  entries: LedgerEntry[];
  head: ChainHead;
}

/** The donor code of the bench's journey `n` (1-based), in its canonical machine form. */
export function benchDonorCode(n: number): string {
  return formatDonorCode(
    generateDonorUniqueCode({ facility: BENCH_FACILITY, year: 2026, sequence: n }),
  );
}

/** The pseudonymous patient of the bench's journey `n`: one journey per patient. */
export const benchPatientReference = (n: number) => `PAT-BENCH-${n}`;

/**
 * The ledger of journey `n` as the consumer would have appended it: the donor's registration,
 * then one custody event per step of the happy path (screening to infusion), each with the
 * message type and producer the step table gives it, the step's payload as its detail (the
 * signature left out, as the services leave it out) and the role that takes the step as its
 * actor. The chain is hashed with the ledger's own functions, so it verifies. Journey `n`
 * starts `n` hours before `now`, its events an hour apart.
 */
export function benchJourneyLedger(n: number, now = Date.now()): BenchJourneyLedger {
  const donorCode = benchDonorCode(n);
  const patientReference = benchPatientReference(n);
  const journeyId = journeyWorkflowId(donorCode);
  const start = now - n * HOUR_MS - 48 * HOUR_MS;
  const link = { donorCode, patientReference, institutionId: INSTITUTION, productCode: PRODUCT };
  const event = (
    k: number,
    messageType: string,
    producer: string,
    actor: { userId: string; role: string },
    summary: string,
    detail: Record<string, unknown>,
  ): EventEnvelope => ({
    id: randomUUID(),
    aggregateType: 'journey',
    aggregateId: donorCode,
    messageType,
    occurredAt: new Date(start + k * HOUR_MS).toISOString(),
    payload: { donorCode, journeyId, actor, recordId: randomUUID(), summary, detail },
    metadata: { producer, causationId: randomUUID(), journeyId },
  });
  const envelopes = [
    event(
      0,
      'donor.registered.v1',
      'donor-intake',
      { userId: 'scheduler', role: 'scheduler' },
      `donor registered at ${INSTITUTION} for ${PRODUCT}`,
      { patientReference, institutionId: INSTITUTION, productCode: PRODUCT },
    ),
    ...happyPathSteps({ donorCode, patientReference, start: new Date(start) }).map(
      (scripted, i) => {
        const { messageType, owner, recordType } = JOURNEY_STEP_RECORDS[scripted.step];
        const detail = { ...(scripted.payload as Record<string, unknown>) };
        delete detail.signature;
        return event(
          i + 1,
          messageType,
          owner,
          { userId: scripted.role, role: scripted.role },
          `${recordType} recorded`,
          detail,
        );
      },
    ),
  ];
  const entries: LedgerEntry[] = [];
  let head: ChainHead = emptyChainHead(donorCode);
  for (const envelope of envelopes) {
    const entry = nextLedgerEntry(head, envelope);
    entries.push(entry);
    head = { chainId: donorCode, seq: entry.seq, entryHash: entry.entryHash };
  }
  return { link, entries, head };
}
