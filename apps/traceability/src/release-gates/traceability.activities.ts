import { Injectable } from '@nestjs/common';
import type { TraceabilityReleaseGateActivities } from '@v2v/contracts';
import { LedgerChainReleaseGatesUseCase } from './usecases/ledger-chain-release-gates.usecase';

/** The activities on the `traceability` task queue, each its use case. */
@Injectable()
export class TraceabilityActivityAdapter {
  constructor(private readonly ledgerChainGates: LedgerChainReleaseGatesUseCase) {}

  activities(): TraceabilityReleaseGateActivities {
    return {
      ledgerChainReleaseGates: (input) => this.ledgerChainGates.execute(input),
    };
  }
}
