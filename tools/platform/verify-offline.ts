import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  ChainExport,
  checkpointSigningPublicKey,
  requireEd25519,
  verifyChainExport,
} from '@v2v/integrity';

/**
 * The inspector's check of a journey's `export.json`, with no database: the chain recomputed
 * from its stored content, ending at the checkpointed head, the checkpoint's signature valid
 * under the checkpoint public key (`--public-key`, else CHECKPOINT_SIGNING_PUBLIC_KEY, fail
 * closed). Answers one line per finding, none when the export is intact.
 */
export function verifyExportFile(
  exportFile: string,
  publicKeyFile?: string,
  env: NodeJS.ProcessEnv = process.env,
): { findings: string[]; summary: string } {
  const publicKey = publicKeyFile
    ? requireEd25519(createPublicKey(readFileSync(publicKeyFile, 'utf8')), publicKeyFile)
    : checkpointSigningPublicKey(env);
  const ledger = ledgerOf(JSON.parse(readFileSync(exportFile, 'utf8')));
  const findings = verifyChainExport(ledger, publicKey).map(
    (f) => `BROKEN  ${f.reason}: ${f.message}`,
  );
  const head = ledger.checkpoint.heads.find((h) => h.chainId === ledger.chainId);
  const summary = `${findings.length === 0 ? 'intact ' : 'BROKEN '} chain ${ledger.chainId}  ${ledger.entries.length} entries  checkpoint ${ledger.checkpoint.takenAt} head seq ${head?.seq ?? '-'}`;
  return { findings, summary };
}

/** The export's ledger part, with the shape checked so a malformed file is named as such. */
function ledgerOf(file: unknown): ChainExport {
  const ledger = (file as { ledger?: ChainExport } | null)?.ledger;
  const wellFormed =
    typeof ledger?.chainId === 'string' &&
    Array.isArray(ledger.entries) &&
    Array.isArray(ledger.checkpoint?.heads) &&
    typeof ledger.checkpoint.signature === 'string';
  if (!wellFormed) throw new Error('not a journey export (no ledger chain with its checkpoint)');
  return ledger;
}
