import { Injectable } from '@nestjs/common';
import { type BatchReleaseHoldQuery, requireDonorCode } from '@v2v/contracts';
import { ReleaseHold, releaseHoldsOf, requireImpactAssessed } from '../em-rules';
import { EnvironmentalMonitoringRepository } from '../environmental-monitoring.repository';

/**
 * PRD-05: the environmental monitoring holds on a journey's batch, for QA's release review:
 * every microbial excursion that exposed it and that QA has not cleared with a no-impact
 * assessment. `requireReleasable` is the refusal the release decision applies;
 * `requireNoBatchReleaseHold` is the journey's gate before `releaseBatch` (an activity).
 */
@Injectable()
export class ReleaseHoldsUseCase {
  constructor(private readonly repository: EnvironmentalMonitoringRepository) {}

  async holdsOf(
    rawDonorCode: string,
  ): Promise<{ donorCode: string; releasable: boolean; holds: ReleaseHold[] }> {
    const donorCode = requireDonorCode(rawDonorCode);
    const holds = releaseHoldsOf(donorCode, await this.repository.excursions({ donorCode }));
    return { donorCode, releasable: holds.length === 0, holds };
  }

  /** PRD-05: refuses naming each open hold on the batch; resolves when it has none. */
  async requireNoBatchReleaseHold(query: BatchReleaseHoldQuery): Promise<void> {
    const donorCode = requireDonorCode(query.donorCode);
    requireImpactAssessed(
      donorCode,
      await this.repository.excursions({ donorCode }),
      query.batchNumber,
    );
  }

  async requireReleasable(rawDonorCode: string): Promise<void> {
    const donorCode = requireDonorCode(rawDonorCode);
    requireImpactAssessed(donorCode, await this.repository.excursions({ donorCode }));
  }
}
