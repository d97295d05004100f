import { z } from 'zod';
import { readServiceEnv } from '@v2v/service-kit';

/**
 * Where and how often the ledger's heads are checkpointed. The directory is outside the database
 * by design: a deployment mounts a write-once location there (docs/security.md).
 */
const checkpointEnvSchema = z.object({
  CHECKPOINT_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  CHECKPOINT_DIR: z.string().min(1).default('.data/checkpoints'),
});

export class CheckpointConfig {
  constructor(
    readonly intervalSeconds: number,
    readonly directory: string,
  ) {}
}

/** Read and validated at boot; an invalid value stops the service with its problem. */
export function readCheckpointConfig(env: NodeJS.ProcessEnv): CheckpointConfig {
  const parsed = readServiceEnv(checkpointEnvSchema, env);
  return new CheckpointConfig(parsed.CHECKPOINT_INTERVAL_SECONDS, parsed.CHECKPOINT_DIR);
}
