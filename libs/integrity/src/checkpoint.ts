import { KeyObject, sign, verify } from 'node:crypto';
import { ChainHead } from './chain-head-check';
import { Ed25519KeyConfig, ed25519PrivateKey, ed25519PublicKey } from './ed25519-keys';
import { canonicalContent } from './hash-chain';

/** Which chains a checkpoint covers: the traceability ledger, or one service's audit trail. */
export type CheckpointKind = 'ledger' | `audit:${string}`;

/** What is signed: where a set of chains stood at one instant, heads in chain-id order. */
export interface CheckpointContent {
  kind: CheckpointKind;
  takenAt: string;
  heads: ChainHead[];
}

/** A checkpoint with its Ed25519 signature (base64) over the canonical content. */
export interface SignedCheckpoint extends CheckpointContent {
  signature: string;
}

export interface CheckpointFinding {
  chainId: string;
  seq: number;
  reason: 'REWRITTEN_SINCE_CHECKPOINT';
}

/**
 * The checkpoint signing keys: the private key only where checkpoints are taken (traceability),
 * the public key wherever one is checked. A pair of its own, so that the signature seal's key
 * cannot sign checkpoints nor the other way round.
 */
const CHECKPOINT_KEYS: Ed25519KeyConfig = {
  privateName: 'CHECKPOINT_SIGNING_PRIVATE_KEY',
  publicName: 'CHECKPOINT_SIGNING_PUBLIC_KEY',
  devPrivatePem: `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIHug2MLBi2lxrGng5xpsyGNIEwUFOnyELRkBKZjH2E6e
-----END PRIVATE KEY-----`,
  devPublicPem: `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAvurPodiUPPnA4RYizZSm7g5jea8EaFtoRGhSwNUDkh8=
-----END PUBLIC KEY-----`,
  purpose: 'the chain checkpoints',
};

export function checkpointSigningPrivateKey(env: NodeJS.ProcessEnv = process.env): KeyObject {
  return ed25519PrivateKey(CHECKPOINT_KEYS, env);
}

export function checkpointSigningPublicKey(env: NodeJS.ProcessEnv = process.env): KeyObject {
  return ed25519PublicKey(CHECKPOINT_KEYS, env);
}

const byChainId = (a: ChainHead, b: ChainHead) =>
  a.chainId < b.chainId ? -1 : a.chainId > b.chainId ? 1 : 0;

/** The checkpoint's content with only the signed fields, heads sorted by chain id. */
export function checkpointContent(
  kind: CheckpointKind,
  takenAt: string,
  heads: ChainHead[],
): CheckpointContent {
  const sorted = heads
    .map(({ chainId, seq, entryHash }) => ({ chainId, seq, entryHash }))
    .sort(byChainId);
  return { kind, takenAt, heads: sorted };
}

/** The bytes signed: RFC 8785 canonical JSON of the content, so any verifier rebuilds them. */
function signedBytes(checkpoint: CheckpointContent): Buffer {
  const { kind, takenAt, heads } = checkpointContent(
    checkpoint.kind,
    checkpoint.takenAt,
    checkpoint.heads,
  );
  return Buffer.from(canonicalContent({ kind, takenAt, heads }), 'utf8');
}

export function signCheckpoint(
  content: CheckpointContent,
  privateKey: KeyObject,
): SignedCheckpoint {
  const ordered = checkpointContent(content.kind, content.takenAt, content.heads);
  const signature = sign(null, signedBytes(ordered), privateKey).toString('base64');
  return { ...ordered, signature };
}

/** Whether the holder of the checkpoint key signed exactly these heads at this time. */
export function hasValidCheckpointSignature(
  checkpoint: SignedCheckpoint,
  publicKey: KeyObject,
): boolean {
  try {
    const signature = Buffer.from(checkpoint.signature, 'base64');
    return verify(null, signedBytes(checkpoint), publicKey, signature);
  } catch {
    return false;
  }
}

/**
 * An owner who switches the triggers off can rewrite a whole chain consistently, entries and
 * head, and the chain still verifies. A signed checkpoint outside the database cannot be
 * rewritten with it: every head it holds must still be an entry of its chain with the same hash
 * (chains only grow). A chain that is now shorter, missing, or has another entry at that seq is
 * named. `chains` holds each chain's entries, or at least the entry at every checkpointed seq.
 */
export function checkChainsAgainstCheckpoint(
  chains: ReadonlyMap<string, ReadonlyArray<{ seq: number; entryHash: string }>>,
  checkpoint: CheckpointContent,
): CheckpointFinding[] {
  const findings: CheckpointFinding[] = [];
  for (const head of checkpoint.heads) {
    if (head.seq === 0) continue;
    const entry = chains.get(head.chainId)?.find((e) => e.seq === head.seq);
    if (entry?.entryHash !== head.entryHash) {
      findings.push({ chainId: head.chainId, seq: head.seq, reason: 'REWRITTEN_SINCE_CHECKPOINT' });
    }
  }
  return findings;
}
