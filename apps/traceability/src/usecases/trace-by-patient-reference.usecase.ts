import { Injectable } from '@nestjs/common';
import { DomainError, patientReference } from '@v2v/contracts';
import { LedgerRepository } from '../ledger/ledger.repository';
import { DonorTrace, TraceByDonorCodeUseCase } from './trace-by-donor-code.usecase';

/** TRC-01: patient → donor: every journey of a patient (recollections included). */
@Injectable()
export class TraceByPatientReferenceUseCase {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly traceByDonor: TraceByDonorCodeUseCase,
  ) {}

  async execute(reference: string): Promise<{ patientReference: string; journeys: DonorTrace[] }> {
    if (!patientReference.safeParse(reference).success) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `'${reference}' is not a pseudonymous patient reference`,
      );
    }
    const donorCodes = await this.ledger.donorCodesOfPatient(reference);
    if (donorCodes.length === 0)
      throw new DomainError('NOT_FOUND', `no journey for patient reference ${reference}`);
    const journeys = [];
    for (const code of donorCodes) journeys.push(await this.traceByDonor.execute(code));
    return { patientReference: reference, journeys };
  }
}
