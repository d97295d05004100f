import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  DomainError,
  type ReceiveKeyMaterialLotCommand,
  uniqueViolationConstraint,
} from '@v2v/contracts';
import { KeyMaterialLot } from '../key-material';
import { KeyMaterialRepository, publicLot, StoredLot } from '../key-material.repository';
import { Clock } from '@v2v/service-kit';

// The command's schema is the key-material contract shared with the gateway (libs/contracts).
export {
  receiveKeyMaterialLotCommandSchema,
  type ReceiveKeyMaterialLotCommand,
} from '@v2v/contracts';

/**
 * MAT-01: a lot of a catalogued key material is received into quarantine with its incoming
 * inspection record; a failed inspection is recorded as such and stays in quarantine until QA
 * rejects it. The lot id is generated, never typed.
 */
@Injectable()
export class ReceiveKeyMaterialLotUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly materials: KeyMaterialRepository,
    private readonly clock: Clock,
  ) {}

  async execute(
    materialCode: string,
    command: ReceiveKeyMaterialLotCommand,
    now = this.clock.now(),
  ): Promise<KeyMaterialLot> {
    const repeat = await this.materials.findLotByReceiptEvent(command.requestKey);
    if (repeat) return this.sameRequest(repeat, materialCode, command);
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (!(await this.materials.findMaterial(materialCode, manager))) {
          throw new DomainError(
            'MAT-01',
            `key material ${materialCode} is not in the catalogue: register it with its risk assessment before receiving a lot (MAT-01)`,
            { materialCode },
          );
        }
        const lot = publicLot(
          await this.materials.insertLot(manager, {
            lotId: await this.materials.nextLotId(manager, now.getUTCFullYear()),
            materialCode,
            receiptEventId: command.requestKey,
            inspection: {
              supplier: command.supplier,
              supplierLot: command.supplierLot,
              expiresOn: command.expiresOn,
              certificateOfAnalysisChecked: command.certificateOfAnalysisChecked,
              result: command.inspectionResult,
              note: command.inspectionNote ?? null,
              inspectedBy: command.receivedBy.userId,
            },
          }),
        );
        await writeAudit(manager, 'production', {
          recordType: 'key-material-lot',
          recordId: lot.lotId,
          action: 'create',
          actor: command.receivedBy,
          newValue: lot,
        });
        return lot;
      });
    } catch (error) {
      const winner =
        uniqueViolationConstraint(error) !== undefined
          ? await this.materials.findLotByReceiptEvent(command.requestKey)
          : undefined;
      if (winner) return this.sameRequest(winner, materialCode, command);
      throw error;
    }
  }

  private sameRequest(
    existing: StoredLot,
    materialCode: string,
    command: ReceiveKeyMaterialLotCommand,
  ): KeyMaterialLot {
    const i = existing.inspection;
    const same =
      existing.materialCode === materialCode &&
      i.supplier === command.supplier &&
      i.supplierLot === command.supplierLot &&
      i.expiresOn === command.expiresOn &&
      i.certificateOfAnalysisChecked === command.certificateOfAnalysisChecked &&
      i.result === command.inspectionResult;
    if (!same)
      throw new DomainError(
        'IDEMPOTENCY_CONFLICT',
        `request key ${command.requestKey} was already used to receive another lot`,
      );
    return publicLot(existing);
  }
}
