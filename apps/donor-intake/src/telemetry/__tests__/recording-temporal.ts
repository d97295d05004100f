import type { SignalDefinition } from '@temporalio/common';
import { TemporalClientPort } from '@v2v/service-kit';

/** The signals a use case would send, recorded instead of sent (every workflow runs). */
export class RecordingTemporal extends TemporalClientPort {
  readonly signals: Array<{ workflowId: string; signal: string; args: unknown[] }> = [];

  client(): never {
    throw new Error('no Temporal in this test');
  }

  override async signalIfRunning<Args extends unknown[]>(
    workflowId: string,
    signal: SignalDefinition<Args>,
    ...args: Args
  ): Promise<boolean> {
    this.signals.push({ workflowId, signal: signal.name, args });
    return true;
  }

  /** The signals sent to one workflow, in order. */
  to(workflowId: string) {
    return this.signals.filter((s) => s.workflowId === workflowId);
  }
}
