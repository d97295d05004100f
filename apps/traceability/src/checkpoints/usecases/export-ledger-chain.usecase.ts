import { Injectable } from '@nestjs/common';
import { DomainError, requireDonorCode } from '@v2v/contracts';
import type { ChainExport } from '@v2v/integrity';
import { LedgerRepository } from '../../ledger/ledger.repository';
import { CheckpointRepository } from '../checkpoint.repository';
import { CheckpointSigner } from '../checkpoint-signer';

/**
 * TRC-01, CSV-01: one donor's ledger chain, every entry as stored (canonical content and
 * hashes, nothing else: each field exported is one the offline check covers), with a
 * checkpoint of its head signed now, both read in one snapshot, so an inspector can check the
 * chain offline and compare it later with the ledger.
 */
@Injectable()
export class ExportLedgerChainUseCase {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly checkpoints: CheckpointRepository,
    private readonly signer: CheckpointSigner,
  ) {}

  async execute(rawDonorCode: string): Promise<ChainExport> {
    const chainId = requireDonorCode(rawDonorCode);
    const { entries, head } = await this.ledger.snapshot(async (manager) => ({
      entries: await this.ledger.chain(chainId, manager),
      head: await this.checkpoints.head(chainId, manager),
    }));
    if (!head) throw new DomainError('NOT_FOUND', `no chain of custody for donor code ${chainId}`);
    return {
      chainId,
      entries: entries.map(({ seq, canonicalContent, contentHash, prevHash, entryHash }) => ({
        chainId,
        seq,
        canonicalContent,
        contentHash,
        prevHash,
        entryHash,
      })),
      checkpoint: this.signer.sign('ledger', [head]),
    };
  }
}
