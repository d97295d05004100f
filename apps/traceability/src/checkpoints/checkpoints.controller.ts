import { Controller, Get, Param } from '@nestjs/common';
import { ExportLedgerChainUseCase } from './usecases/export-ledger-chain.usecase';
import { TakeLedgerCheckpointUseCase } from './usecases/take-ledger-checkpoint.usecase';

/** Internal API: signed checkpoints of the ledger; the gateway exports them with roles. */
@Controller('internal/ledger')
export class CheckpointsController {
  constructor(
    private readonly takeCheckpoint: TakeLedgerCheckpointUseCase,
    private readonly exportChain: ExportLedgerChainUseCase,
  ) {}

  /** A fresh signed checkpoint of every chain head. */
  @Get('checkpoint')
  checkpoint() {
    return this.takeCheckpoint.execute();
  }

  /** One donor's chain as stored, with a checkpoint of its head signed now. */
  @Get('chains/:donorCode/export')
  chain(@Param('donorCode') donorCode: string) {
    return this.exportChain.execute(donorCode);
  }
}
