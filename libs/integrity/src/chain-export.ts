import { KeyObject } from 'node:crypto';
import { verifyChainAgainstHead } from './chain-head-check';
import { hasValidCheckpointSignature, SignedCheckpoint } from './checkpoint';
import { StoredEntry, verifyChain } from './verify-chain';

/** One ledger chain as exported: every stored entry and a signed checkpoint of its head. */
export interface ChainExport {
  chainId: string;
  entries: StoredEntry[];
  checkpoint: SignedCheckpoint;
}

export interface ExportFinding {
  reason:
    | 'CHECKPOINT_SIGNATURE_INVALID'
    | 'CHECKPOINT_NOT_OF_LEDGER'
    | 'CHAIN_NOT_IN_CHECKPOINT'
    | 'ENTRY_OF_ANOTHER_CHAIN'
    | 'CONTENT_HASH_MISMATCH'
    | 'CHAIN_LINK_MISMATCH'
    | 'SEQUENCE_GAP';
  seq?: number;
  message: string;
}

/**
 * What an inspector checks with no database: the signature of the checkpoint (made outside the
 * database with the checkpoint key), the chain recomputed from its stored canonical content,
 * and that it ends exactly at the checkpointed head. Every finding is reported, not only the
 * first, so one run says all that is wrong with the file.
 */
export function verifyChainExport(exported: ChainExport, publicKey: KeyObject): ExportFinding[] {
  const { chainId, entries, checkpoint } = exported;
  const findings: ExportFinding[] = [];
  if (!hasValidCheckpointSignature(checkpoint, publicKey)) {
    findings.push({
      reason: 'CHECKPOINT_SIGNATURE_INVALID',
      message: 'the checkpoint signature does not verify with the checkpoint public key',
    });
  }
  if (checkpoint.kind !== 'ledger') {
    findings.push({
      reason: 'CHECKPOINT_NOT_OF_LEDGER',
      message: `the checkpoint is of ${checkpoint.kind}, not of the traceability ledger`,
    });
  }
  for (const e of entries.filter((entry) => entry.chainId !== chainId)) {
    findings.push({
      reason: 'ENTRY_OF_ANOTHER_CHAIN',
      seq: e.seq,
      message: `entry ${e.seq} belongs to chain ${e.chainId}, not ${chainId}`,
    });
  }
  const head = checkpoint.heads.find((h) => h.chainId === chainId);
  if (!head) {
    findings.push({
      reason: 'CHAIN_NOT_IN_CHECKPOINT',
      message: `the checkpoint holds no head of chain ${chainId}`,
    });
  }
  // Without a checkpointed head the chain is still recomputed, to name a break inside it.
  const broken = head ? verifyChainAgainstHead(chainId, entries, head) : verifyChain(entries);
  if (broken) {
    const at = head ? ` (checkpointed head: seq ${head.seq})` : '';
    findings.push({
      reason: broken.reason,
      seq: broken.seq,
      message: `chain ${chainId} entry ${broken.seq}${at}`,
    });
  }
  return findings;
}
