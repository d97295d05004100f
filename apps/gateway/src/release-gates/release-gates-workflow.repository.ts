import { Injectable } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import {
  batchReleaseWorkflowId,
  releaseGatesChangedSignal,
  releaseGatesQuery,
  type ReleaseGateStanding,
} from '@v2v/contracts';
import { TemporalClientPort } from '@v2v/service-kit';

/** The batch release children as Temporal keeps them (`release-<batch number>`). */
@Injectable()
export class ReleaseGatesWorkflowRepository {
  constructor(private readonly temporal: TemporalClientPort) {}

  /** The child's last standing; undefined when the batch has no child or none evaluated yet. */
  async standing(batchNumber: string): Promise<ReleaseGateStanding | undefined> {
    try {
      return (await (await this.handle(batchNumber)).query(releaseGatesQuery)) ?? undefined;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    }
  }

  async signalChanged(batchNumber: string, reason: string): Promise<void> {
    await (await this.handle(batchNumber)).signal(releaseGatesChangedSignal, { reason });
  }

  private async handle(batchNumber: string) {
    return (await this.temporal.client()).workflow.getHandle(batchReleaseWorkflowId(batchNumber));
  }
}
