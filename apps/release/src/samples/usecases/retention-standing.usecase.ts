import { Injectable } from '@nestjs/common';
import type { RetentionStanding } from '@v2v/contracts';
import { requireRetentionSettled, retentionStanding } from '../retention-rules';
import { SampleRepository } from '../sample.repository';

/** QA-01: a journey's retention standing, and the release gate's check of it. */
@Injectable()
export class RetentionStandingUseCase {
  constructor(private readonly samples: SampleRepository) {}

  async standing(donorCode: string): Promise<RetentionStanding> {
    const [samples, exceptions] = await Promise.all([
      this.samples.samplesOfJourney(donorCode),
      this.samples.exceptionsOfJourney(donorCode),
    ]);
    return retentionStanding(
      donorCode,
      samples,
      exceptions.map((e) => e.kind),
    );
  }

  /** The `requireRetentionSettled` activity: refuses QA-01 naming every open item. */
  async requireSettled(input: { donorCode: string }): Promise<void> {
    requireRetentionSettled(await this.standing(input.donorCode));
  }
}
