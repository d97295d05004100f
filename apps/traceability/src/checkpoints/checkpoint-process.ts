import { Logger } from '@nestjs/common';
import type { BackgroundProcess } from '@v2v/service-kit';
import { CheckpointConfig } from './checkpoint-config';
import { writeCheckpointFile } from './checkpoint-files';
import { TakeLedgerCheckpointUseCase } from './usecases/take-ledger-checkpoint.usecase';

/**
 * Every `CHECKPOINT_INTERVAL_SECONDS`, signs the ledger's heads and writes the checkpoint to
 * `CHECKPOINT_DIR`, outside the database. Unhealthy once no checkpoint was written for two
 * intervals, so a full or read-only disk does not go unseen.
 */
export function ledgerCheckpointProcess(
  takeCheckpoint: TakeLedgerCheckpointUseCase,
  config: CheckpointConfig,
): BackgroundProcess {
  const logger = new Logger('ledger checkpoints');
  const intervalMs = config.intervalSeconds * 1000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let lastWrittenAt = Date.now();
  let lastFile: string | undefined;

  const takeOne = async () => {
    try {
      lastFile = await writeCheckpointFile(config.directory, await takeCheckpoint.execute());
      lastWrittenAt = Date.now();
    } catch (error) {
      logger.error(`checkpoint not written: ${error instanceof Error ? error.message : error}`);
    }
  };

  return {
    name: 'ledger checkpoints',
    start: async () => {
      await takeOne();
      timer = setInterval(() => {
        running = running.then(takeOne);
      }, intervalMs);
    },
    stop: async () => {
      clearInterval(timer);
      await running;
    },
    health: async () => {
      const sinceMs = Date.now() - lastWrittenAt;
      return {
        healthy: sinceMs < 2 * intervalMs,
        detail: { lastFile, msSinceLastCheckpoint: sinceMs },
      };
    },
  };
}
