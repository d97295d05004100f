import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  Actor,
  DomainError,
  formatDonorCode,
  formatDonorCodeEyeReadable,
  generateDonorUniqueCode,
  journeyWorkflowId,
  RegisterDonorCommand,
  TOPICS,
} from '@v2v/contracts';
import { writeAudit } from '@v2v/audit';
import { appendToOutbox } from '@v2v/messaging';
import { assertInstitutionQualified } from '../../institutions/institution-eligibility';
import { InstitutionRepository } from '../../institutions/institution.repository';
import { Donor, DonorRepository } from '../donor.repository';
import { Clock } from '@v2v/service-kit';

/**
 * Registers the donor for a new order and gives it its system-generated donor unique
 * code (TRC-02). The donor row and `donor.registered.v1` (which links the code to the
 * pseudonymous patient reference in the ledger) commit together.
 */
@Injectable()
export class RegisterDonorUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly donors: DonorRepository,
    private readonly institutions: InstitutionRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: RegisterDonorCommand, now = this.clock.now()): Promise<Donor> {
    const repeat = await this.donors.findByRequestKey(command.requestKey);
    if (repeat) return this.sameRequest(repeat, command);
    return this.dataSource.transaction(async (manager) => {
      const institution = await this.institutions.findById(command.institutionId, manager);
      assertInstitutionQualified(
        institution,
        command.institutionId,
        now.toISOString().slice(0, 10),
      );
      const year = now.getUTCFullYear();
      const sequence = await this.donors.nextSequence(manager, institution.facilityCode, year);
      const code = generateDonorUniqueCode({ facility: institution.facilityCode, year, sequence });
      const donor: Donor = {
        donorCode: formatDonorCode(code),
        eyeReadable: formatDonorCodeEyeReadable(code),
        patientReference: command.patientReference,
        institutionId: command.institutionId,
        productCode: command.productCode,
        requestKey: command.requestKey,
      };
      const registeredBy = command.registeredBy ?? { userId: 'system', role: 'scheduler' };
      await this.donors.insert(manager, donor, registeredBy.userId);
      await writeAudit(manager, 'donor_intake', {
        recordType: 'donor',
        recordId: donor.donorCode,
        journeyId: journeyWorkflowId(donor.donorCode),
        action: 'create',
        actor: registeredBy as Actor,
        newValue: donor,
      });
      await appendToOutbox(manager, {
        topic: TOPICS.donorIntake,
        aggregateType: 'journey',
        aggregateId: donor.donorCode,
        messageType: 'donor.registered.v1',
        producer: 'donor-intake',
        causationId: command.requestKey,
        journeyId: journeyWorkflowId(donor.donorCode),
        occurredAt: now,
        payload: {
          donorCode: donor.donorCode,
          journeyId: journeyWorkflowId(donor.donorCode),
          actor: registeredBy,
          recordId: donor.donorCode,
          summary: `donor registered at ${command.institutionId} for ${command.productCode}`,
          detail: {
            patientReference: donor.patientReference,
            institutionId: donor.institutionId,
            productCode: donor.productCode,
            eyeReadable: donor.eyeReadable,
          },
        },
      });
      return donor;
    });
  }

  private sameRequest(existing: Donor, command: RegisterDonorCommand): Donor {
    const same =
      existing.patientReference === command.patientReference &&
      existing.institutionId === command.institutionId &&
      existing.productCode === command.productCode;
    if (!same) {
      throw new DomainError(
        'IDEMPOTENCY_CONFLICT',
        `request key ${command.requestKey} was already used for a different order`,
      );
    }
    return existing;
  }
}
