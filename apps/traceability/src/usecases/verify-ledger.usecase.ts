import { Injectable } from '@nestjs/common';
import { requireDonorCode } from '@v2v/contracts';
import { ChainBreak, headsHash, verifyChain } from '@v2v/integrity';
import { LedgerRepository } from '../ledger/ledger.repository';


export interface LedgerVerification {
  valid: boolean;
  chainsChecked: number;
  entriesChecked: number;
  firstBroken?: ChainBreak;
  ledgerHeadHash: string;
}

/** Recomputes every chain (or one donor's) from the stored canonical content. */
@Injectable()
export class VerifyLedgerUseCase {
  constructor(private readonly ledger: LedgerRepository) {}

  async execute(input: { donorCode?: string } = {}): Promise<LedgerVerification> {
    const chainIds = input.donorCode ? [requireDonorCode(input.donorCode)] : await this.ledger.chainIds();
    let entriesChecked = 0;
    let firstBroken: ChainBreak | undefined;
    for (const chainId of chainIds) {
      const entries = await this.ledger.chain(chainId);
      entriesChecked += entries.length;
      firstBroken = verifyChain(entries);
      if (firstBroken) break;
    }
    return {
      valid: !firstBroken,
      chainsChecked: chainIds.length,
      entriesChecked,
      ...(firstBroken ? { firstBroken } : {}),
      ledgerHeadHash: headsHash(await this.ledger.heads()),
    };
  }
}
