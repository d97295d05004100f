import { Injectable } from '@nestjs/common';
import { DomainError, type DonorMaterialLabel } from '@v2v/contracts';
import { DonorRepository } from '../donors/donor.repository';
import { InstitutionRepository } from '../institutions/institution.repository';
import { assembleDonorMaterialLabel } from './donor-material-label';
import { MaterialRecordRepository } from './material-record.repository';

/** Gathers what the label of a donor's current unit prints from donor-intake's own records. */
@Injectable()
export class ReadDonorMaterialLabelUseCase {
  constructor(
    private readonly materialRecords: MaterialRecordRepository,
    private readonly donors: DonorRepository,
    private readonly institutions: InstitutionRepository,
  ) {}

  async execute(donorCode: string): Promise<DonorMaterialLabel> {
    const donor = await this.donors.findByCode(donorCode);
    if (!donor) throw new DomainError('NOT_FOUND', `no donor with code ${donorCode}`);
    const records = this.materialRecords.forDonor(donorCode);
    return assembleDonorMaterialLabel({
      donor,
      institution: await this.institutions.findById(donor.institutionId),
      collection: await records.latest<DonorMaterialLabel['collection']>('collection'),
      // Screening happens once per journey, before the first collection; a recollection keeps it.
      screening: await records.latest<{ knownPositiveMarkers: string[] }>('donor-screening', {
        anyCycle: true,
      }),
    });
  }
}
