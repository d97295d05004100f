import { Injectable } from '@nestjs/common';
import {
  checkChainsAgainstCheckpoint,
  CheckpointContent,
  CheckpointFinding,
  ChainHead,
} from '@v2v/integrity';
import { LedgerRepository } from '../../ledger/ledger.repository';
import { CheckpointRepository } from '../checkpoint.repository';

/**
 * CSV-01, TRC-01: whether every head of a checkpoint is still an entry of the ledger with the
 * same hash. Catches a chain the owner rewrote consistently (entries and head, triggers off),
 * which ledger verify cannot see. The checkpoint's signature is the caller's to check.
 */
@Injectable()
export class CheckLedgerAgainstCheckpointUseCase {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly checkpoints: CheckpointRepository,
  ) {}

  async execute(checkpoint: CheckpointContent): Promise<CheckpointFinding[]> {
    const found = await this.ledger.snapshot((manager) =>
      this.checkpoints.entriesAt(checkpoint.heads, manager),
    );
    // A checkpoint holds one head per chain, so at most one entry per chain is found.
    const chains = new Map<string, ChainHead[]>(found.map((entry) => [entry.chainId, [entry]]));
    return checkChainsAgainstCheckpoint(chains, checkpoint);
  }
}
