import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { writeAudit } from '@v2v/audit';
import { actorSchema, DomainError } from '@v2v/contracts';
import {
  isoDay,
  IVD_APPROVAL_STATUSES,
  KEY_MATERIAL_CATEGORIES,
  KeyMaterial,
  RISK_LEVELS,
} from '../key-material';
import { requireIvdApproval, requireRiskAssessment } from '../key-material-rules';
import { KeyMaterialRepository } from '../key-material.repository';
import { isUniqueViolation } from './unique-violation';
import { Clock } from '@v2v/service-kit';

/**
 * The risk assessment and IVD approval are optional in the shape on purpose: their absence is
 * a MAT-01 / MAT-02 refusal naming the rule, not a malformed request.
 */
export const registerKeyMaterialCommandSchema = z.strictObject({
  materialCode: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'upper-case letters, digits and hyphens, 2–32 characters'),
  name: z.string().trim().min(1).max(200),
  category: z.enum(KEY_MATERIAL_CATEGORIES),
  riskAssessment: z
    .strictObject({
      level: z.enum(RISK_LEVELS).optional(),
      summary: z.string().max(2000).optional(),
      assessedBy: z.string().max(100).optional(),
      assessedOn: z.iso.date().optional(),
    })
    .optional(),
  ivd: z
    .strictObject({
      approvalStatus: z.enum(IVD_APPROVAL_STATUSES).optional(),
      marker: z.string().max(200).optional(),
      justification: z.string().max(2000).optional(),
    })
    .optional(),
  registeredBy: actorSchema,
});
export type RegisterKeyMaterialCommand = z.infer<typeof registerKeyMaterialCommandSchema>;

/** MAT-01, MAT-02: a key material enters the catalogue with its risk assessment (and IVD approval). */
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
      if (isUniqueViolation(error)) throw alreadyRegistered();
      throw error;
    }
  }
}
