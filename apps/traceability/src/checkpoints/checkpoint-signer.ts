import { KeyObject } from 'node:crypto';
import {
  ChainHead,
  checkpointContent,
  CheckpointKind,
  signCheckpoint,
  SignedCheckpoint,
} from '@v2v/integrity';
import { Clock } from '@v2v/service-kit';

/**
 * Signs checkpoints with the key the traceability service alone holds
 * (`CHECKPOINT_SIGNING_PRIVATE_KEY`, read at boot, fail closed): the database owner cannot.
 */
export class CheckpointSigner {
  constructor(
    private readonly privateKey: KeyObject,
    private readonly clock: Clock,
  ) {}

  sign(kind: CheckpointKind, heads: ChainHead[]): SignedCheckpoint {
    const takenAt = this.clock.now().toISOString();
    return signCheckpoint(checkpointContent(kind, takenAt, heads), this.privateKey);
  }
}
