import { Injectable } from '@nestjs/common';
import { assertRetentionElapsed, DomainError, traceabilityRetainedUntil } from '@v2v/contracts';
import { Clock } from '@v2v/service-kit';
import { DonorRepository } from '../donor.repository';

/**
 * A request to delete a donor and its journey's records. QA-03 refuses it for 30 years after
 * registration; the database trigger refuses it again if anything bypassed this check.
 */
@Injectable()
export class DeleteDonorUseCase {
  constructor(
    private readonly donors: DonorRepository,
    private readonly clock: Clock,
  ) {}

  async execute(donorCode: string, now = this.clock.now()): Promise<void> {
    const registeredAt = await this.donors.registeredAt(donorCode);
    if (!registeredAt) throw new DomainError('NOT_FOUND', `no donor with code ${donorCode}`);
    assertRetentionElapsed(
      `the traceability records of donor ${donorCode}`,
      traceabilityRetainedUntil(registeredAt),
      now,
    );
    await this.donors.delete(donorCode);
  }
}
