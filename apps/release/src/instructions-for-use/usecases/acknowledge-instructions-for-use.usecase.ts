import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  type AcknowledgeInstructionsForUseCommand,
  type InstructionsForUseShipment,
  journeyWorkflowId,
  requireOperationRole,
} from '@v2v/contracts';
import { requireShippedInstructions } from '../instructions-for-use-rules';
import { InstructionsForUseRepository } from '../instructions-for-use.repository';

/**
 * OTH-01: the hospital acknowledges receipt of the instructions for use that travelled with
 * the journey's shipment, once: a repeat returns the first acknowledgement and writes nothing.
 */
@Injectable()
export class AcknowledgeInstructionsForUseUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly instructions: InstructionsForUseRepository,
  ) {}

  async execute(
    command: AcknowledgeInstructionsForUseCommand,
  ): Promise<InstructionsForUseShipment> {
    requireOperationRole('acknowledgeInstructionsForUse', command.acknowledgedBy);
    const { donorCode } = command;
    return this.dataSource.transaction(async (manager) => {
      const shipment = requireShippedInstructions(
        donorCode,
        await this.instructions.latestShipment(donorCode, manager),
      );
      if (shipment.acknowledgement) return shipment;
      const acknowledgement = {
        acknowledgementId: randomUUID(),
        shipmentId: shipment.shipmentId,
        donorCode,
        contentSha256: shipment.contentSha256,
        acknowledgedBy: command.acknowledgedBy,
        institutionId: command.institutionId,
      };
      if (await this.instructions.acknowledge(manager, acknowledgement))
        await writeAudit(manager, 'release', {
          recordType: 'instructions-for-use-acknowledgement',
          recordId: acknowledgement.acknowledgementId,
          journeyId: journeyWorkflowId(donorCode),
          action: 'create',
          actor: command.acknowledgedBy,
          newValue: {
            ...acknowledgement,
            productCode: shipment.productCode,
            specificationVersion: shipment.specificationVersion,
          },
        });
      return (await this.instructions.latestShipment(donorCode, manager))!;
    });
  }
}
