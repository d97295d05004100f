import { Injectable } from '@nestjs/common';
import { DomainError } from '@v2v/contracts';
import { assertInstitutionQualified } from './institution-eligibility';
import { InstitutionRepository } from './institution.repository';

/** An institution's name and, when it may not collect today (DON-02), why not. */
export interface InstitutionStanding {
  name: string;
  refusal?: string;
}

/**
 * DON-02 as a fact for receipt inspection and release, which report an unqualified
 * institution as a failed item rather than refusing the step outright.
 */
@Injectable()
export class InstitutionStandingCheck {
  constructor(private readonly institutions: InstitutionRepository) {}

  async on(institutionId: string, day: string): Promise<InstitutionStanding> {
    const institution = await this.institutions.findById(institutionId);
    try {
      assertInstitutionQualified(institution, institutionId, day);
      return { name: institution.name };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { name: institution?.name ?? institutionId, refusal: error.message };
    }
  }
}
