import { Injectable } from '@nestjs/common';
import { type ReleaseGate, type ReleaseGateQuery, requireDonorCode } from '@v2v/contracts';
import { LedgerRepository } from '../../ledger/ledger.repository';
import { ledgerChainGate } from '../ledger-gate-rules';

/**
 * The release gate the traceability ledger answers for (QA-02.4): the donor code's chain of
 * custody and its head read in one snapshot, so an append running meanwhile cannot look like
 * a break.
 */
@Injectable()
export class LedgerChainReleaseGatesUseCase {
  constructor(private readonly ledger: LedgerRepository) {}

  execute(query: ReleaseGateQuery): Promise<ReleaseGate[]> {
    const donorCode = requireDonorCode(query.donorCode);
    return this.ledger.snapshot(async (manager) => {
      const entries = await this.ledger.chain(donorCode, manager);
      const head = await this.ledger.head(manager, donorCode);
      return [ledgerChainGate({ donorCode, journeyId: query.journeyId }, entries, head)];
    });
  }
}
