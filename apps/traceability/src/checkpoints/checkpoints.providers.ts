import { Provider } from '@nestjs/common';
import { checkpointSigningPrivateKey } from '@v2v/integrity';
import { Clock, ServiceConfig } from '@v2v/service-kit';
import { CheckpointConfig, readCheckpointConfig } from './checkpoint-config';
import { CheckpointRepository } from './checkpoint.repository';
import { CheckpointSigner } from './checkpoint-signer';
import { ExportLedgerChainUseCase } from './usecases/export-ledger-chain.usecase';
import { TakeLedgerCheckpointUseCase } from './usecases/take-ledger-checkpoint.usecase';

/** The checkpoints' providers; the key and the config are read and checked at boot. */
export const CHECKPOINT_PROVIDERS: Provider[] = [
  {
    provide: CheckpointConfig,
    inject: [ServiceConfig],
    useFactory: (config: ServiceConfig) => readCheckpointConfig(config.env),
  },
  {
    provide: CheckpointSigner,
    inject: [ServiceConfig, Clock],
    useFactory: (config: ServiceConfig, clock: Clock) =>
      new CheckpointSigner(checkpointSigningPrivateKey(config.env), clock),
  },
  CheckpointRepository,
  TakeLedgerCheckpointUseCase,
  ExportLedgerChainUseCase,
];
