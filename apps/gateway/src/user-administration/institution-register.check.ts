import { Injectable } from '@nestjs/common';
import { DomainError } from '@v2v/contracts';
import { DonorIntakeClient } from '../internal/donor-intake.client';

/**
 * A hospital account belongs to an institution on the register (donor-intake's), whatever its
 * qualification status: DON-02 already decides what a user of a suspended or candidate
 * institution may do.
 */
@Injectable()
export class InstitutionRegisterCheck {
  constructor(private readonly donorIntake: DonorIntakeClient) {}

  async assertRegistered(institutionId: string | undefined): Promise<void> {
    if (!institutionId) return;
    try {
      await this.donorIntake.institution(institutionId);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'NOT_FOUND')) throw error;
      throw new DomainError(
        'VALIDATION_FAILED',
        `institution ${institutionId} is not on the institution register`,
        { fieldErrors: [{ path: 'institutionId', message: 'not on the institution register' }] },
      );
    }
  }
}
