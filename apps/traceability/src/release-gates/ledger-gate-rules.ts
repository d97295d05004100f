import { formatDonorCode, parseDonorCode, type ReleaseGate } from '@v2v/contracts';
import { type ChainHead, type StoredEntry, verifyChainAgainstHead } from '@v2v/integrity';
import { gateContentHash, releaseGate } from '@v2v/signatures';

const gate = releaseGate.bind(null, 'traceability');

/** A donor code as the chain names it (canonical), or as written when it is not one. */
function canonical(raw: unknown): string {
  try {
    return formatDonorCode(parseDonorCode(String(raw)));
  } catch {
    return String(raw);
  }
}

/** Who an entry's custody event names: its aggregate and its payload's donor code and journey. */
function namesOf(entry: StoredEntry): string[] {
  const event = JSON.parse(entry.canonicalContent) as {
    aggregateId?: unknown;
    payload?: { donorCode?: unknown; journeyId?: unknown };
  };
  return [
    canonical(event.aggregateId),
    canonical(event.payload?.donorCode),
    String(event.payload?.journeyId),
  ];
}

/**
 * QA-02.4 (the ledger's part): the chain of custody of the donor code verifies intact (every
 * entry recomputed from its stored content, linked to the one before, ending at the chain's
 * head) and every entry names the journey's donor code and journey. A broken chain or an entry
 * of another donor blocks the release for good; a chain with no entry yet is open. The content
 * judged is the chain's identity and its verdict, not its head: the release and shipment append
 * to the chain, and a release must not be void because the chain it checked grew since.
 */
export function ledgerChainGate(
  journey: { donorCode: string; journeyId: string },
  entries: StoredEntry[],
  head: ChainHead | undefined,
): ReleaseGate {
  const { donorCode, journeyId } = journey;
  const judged = (status: string) => gateContentHash({ donorCode, journeyId, status });
  if (!head && !entries.length)
    return gate(
      'QA-02.4',
      {
        status: 'open',
        detail: `no custody event of ${donorCode} is on the traceability ledger yet`,
        openRecords: [donorCode],
      },
      judged('open'),
    );
  const broken = verifyChainAgainstHead(donorCode, entries, head);
  if (broken)
    return gate(
      'QA-02.4',
      {
        status: 'blocked',
        detail: `the ledger chain of ${donorCode} is broken at entry ${broken.seq} (${broken.reason})`,
        openRecords: [`${donorCode}#${broken.seq}`],
      },
      judged(`broken at ${broken.seq}`),
    );
  const expected = [donorCode, donorCode, journeyId];
  const foreign = entries.filter((e) => namesOf(e).some((name, i) => name !== expected[i]));
  if (foreign.length)
    return gate(
      'QA-02.4',
      {
        status: 'blocked',
        detail: `${foreign.length} ledger entries of ${donorCode} name another donor code or journey: ${foreign.map((e) => `entry ${e.seq}`).join(', ')}`,
        openRecords: foreign.map((e) => `${donorCode}#${e.seq}`),
      },
      judged('foreign entries'),
    );
  return gate(
    'QA-02.4',
    {
      status: 'settled',
      detail: `the ledger chain of ${donorCode} verifies intact over ${entries.length} entries, each naming ${donorCode} and ${journeyId}`,
      openRecords: [],
    },
    judged('settled'),
  );
}
