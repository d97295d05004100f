import { hash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The previous hash of every chain's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

// The one-shot hash (Node 20.12+): twice the rate of createHash for entries of a few hundred
// bytes, which is most of what verifying a chain costs.
const sha256 = (text: string) => hash('sha256', text, 'hex');

/**
 * The one place the hashing of the ledger and the audit trail is defined. Content is hashed in its
 * RFC 8785 canonical JSON
 * form, which is also what is stored, so a verifier recomputes exactly what was hashed.
 */
export function canonicalContent(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('ledger content must be JSON-serializable');
  return text;
}

export function contentHash(canonical: string): string {
  return sha256(canonical);
}

/** Binds an entry to its chain, position and predecessor. */
export function entryHash(entry: {
  chainId: string;
  seq: number;
  prevHash: string;
  contentHash: string;
}): string {
  return sha256(`${entry.chainId}\n${entry.seq}\n${entry.prevHash}\n${entry.contentHash}`);
}

/** One hash over every chain head: what an inspector compares with an export. */
export function headsHash(
  heads: Array<{ chainId: string; seq: number; entryHash: string }>,
): string {
  const lines = [...heads]
    .sort((a, b) => (a.chainId < b.chainId ? -1 : a.chainId > b.chainId ? 1 : 0))
    .map((h) => `${h.chainId}:${h.seq}:${h.entryHash}`);
  return sha256(lines.join('\n'));
}
