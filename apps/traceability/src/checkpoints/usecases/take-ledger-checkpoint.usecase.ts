import { Injectable } from '@nestjs/common';
import type { SignedCheckpoint } from '@v2v/integrity';
import { LedgerRepository } from '../../ledger/ledger.repository';
import { CheckpointSigner } from '../checkpoint-signer';

/** CSV-01, TRC-01: a signed checkpoint of every ledger chain's head, read in one snapshot. */
@Injectable()
export class TakeLedgerCheckpointUseCase {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly signer: CheckpointSigner,
  ) {}

  async execute(): Promise<SignedCheckpoint> {
    const heads = await this.ledger.snapshot((manager) => this.ledger.heads(manager));
    return this.signer.sign('ledger', heads);
  }
}
