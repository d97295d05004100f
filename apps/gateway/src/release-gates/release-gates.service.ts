import { Injectable, Logger } from '@nestjs/common';
import {
  DomainError,
  JOURNEY_STAGES,
  type JourneyView,
  type ReleaseGateStanding,
} from '@v2v/contracts';
import { JourneyWorkflowRepository } from '../journeys/journey-workflow.repository';
import { ReleaseGatesWorkflowRepository } from './release-gates-workflow.repository';

/** Stages from which production has completed, so the batch's release child may run. */
const AFTER_PRODUCTION = JOURNEY_STAGES.slice(JOURNEY_STAGES.indexOf('qc'));

/**
 * The batch release child `release-<batch number>` at the edge (QA-02): its standing of the
 * release gates, and the signal that something a gate covers changed. Donor codes are canonical.
 */
@Injectable()
export class ReleaseGatesService {
  private readonly logger = new Logger(ReleaseGatesService.name);

  constructor(
    private readonly journeys: JourneyWorkflowRepository,
    private readonly releases: ReleaseGatesWorkflowRepository,
  ) {}

  async standing(donorCode: string): Promise<ReleaseGateStanding> {
    const { view } = await this.journeys.status(donorCode);
    const batchNumber = releasedBatchOf(view);
    if (!batchNumber)
      throw new DomainError(
        'QA-02',
        `the journey of ${donorCode} has no release gates yet: production has not completed (QA-02)`,
      );
    const standing = await this.releases.standing(batchNumber);
    if (standing) return standing;
    throw new DomainError(
      'QA-02',
      `batch ${batchNumber} of ${donorCode} has no evaluated release gates: its release child has not answered yet, or production completed before it existed (QA-02)`,
    );
  }

  /**
   * Best effort: the release child evaluates again. A signal missed (no child yet, Temporal
   * unreachable) is caught by the journey's own evaluation at release and at shipment.
   */
  async changed(donorCode: string, reason: string): Promise<void> {
    try {
      const { view } = await this.journeys.status(donorCode);
      const batchNumber = releasedBatchOf(view);
      if (!batchNumber) return;
      await this.releases.signalChanged(batchNumber, reason);
    } catch (error) {
      this.logger.warn(
        `release gates of ${donorCode} not signalled (${reason}): ${(error as Error).message}`,
      );
    }
  }
}

function releasedBatchOf(view: JourneyView): string | undefined {
  return view.batchNumber && AFTER_PRODUCTION.includes(view.stage) ? view.batchNumber : undefined;
}
