import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  DomainError,
  type RegisterKeyMaterialCommand,
  uniqueViolationConstraint,
} from '@v2v/contracts';
import { isoDay, KeyMaterial } from '../key-material';
import { requireIvdApproval, requireRiskAssessment } from '../key-material-rules';
import { KeyMaterialRepository } from '../key-material.repository';
import { Clock } from '@v2v/service-kit';

// The command's schema is the key-material contract shared with the gateway (libs/contracts).
export { registerKeyMaterialCommandSchema, type RegisterKeyMaterialCommand } from '@v2v/contracts';

/**
 * MAT-01, MAT-02: a key material enters the catalogue with its risk assessment (and IVD approval).
 */
@Injectable()
export class RegisterKeyMaterialUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly materials: KeyMaterialRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: RegisterKeyMaterialCommand, now = this.clock.now()): Promise<KeyMaterial> {
    const riskAssessment = requireRiskAssessment(command, isoDay(now));
    const ivd = requireIvdApproval(command);
    const alreadyRegistered = () =>
      new DomainError(
        'VALIDATION_FAILED',
        `key material ${command.materialCode} is already in the catalogue`,
        {
          fieldErrors: [{ path: 'materialCode', message: 'already registered' }],
        },
      );
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (await this.materials.findMaterial(command.materialCode, manager))
          throw alreadyRegistered();
        const material = await this.materials.insertMaterial(manager, {
          materialCode: command.materialCode,
          name: command.name,
          category: command.category,
          riskAssessment,
          ivd,
          registeredBy: command.registeredBy.userId,
        });
        await writeAudit(manager, 'production', {
          recordType: 'key-material',
          recordId: material.materialCode,
          action: 'create',
          actor: command.registeredBy,
          newValue: material,
        });
        return material;
      });
    } catch (error) {
      // Two registrations of one code at once: the second finds the primary key taken.
      if (uniqueViolationConstraint(error) !== undefined) throw alreadyRegistered();
      throw error;
    }
  }
}
