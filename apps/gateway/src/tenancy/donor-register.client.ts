import { Injectable } from '@nestjs/common';
import { DomainError } from '@v2v/contracts';
import { DonorIntakeClient } from '../internal/donor-intake.client';

/**
 * The donor register (donor-intake), the record of truth for which institution a donor code
 * belongs to: one lookup by primary key, never a Temporal query.
 */
@Injectable()
export class DonorRegisterClient {
  constructor(private readonly donorIntake: DonorIntakeClient) {}

  /**
   * The institution the code is registered to, or undefined when the register has no such
   * code. Any other answer is thrown (SERVICE_UNAVAILABLE when donor-intake is down), so a
   * decision that rests on it fails closed.
   */
  async institutionOf(donorCode: string): Promise<string | undefined> {
    let donor: { institutionId?: unknown };
    try {
      donor = await this.donorIntake.donor(donorCode);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return undefined;
      throw error;
    }
    if (typeof donor.institutionId !== 'string' || donor.institutionId === '') {
      throw new DomainError(
        'SERVICE_UNAVAILABLE',
        `the donor register answered no institution for ${donorCode}`,
      );
    }
    return donor.institutionId;
  }
}
