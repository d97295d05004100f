import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  DomainError,
  requireDonorCode,
  TOPICS,
  type RecordConsumptionCommand,
  uniqueViolationConstraint,
} from '@v2v/contracts';
import { appendToOutbox } from '@v2v/messaging';
import { isoDay, KeyMaterialConsumption } from '../key-material';
import {
  type BatchRef,
  KeyMaterialConsumptionRepository,
} from '../key-material-consumption.repository';
import { assertLotConsumable, requireLotNotRecalled } from '../key-material-rules';
import { KeyMaterialRepository } from '../key-material.repository';
import { Clock, IdGenerator } from '@v2v/service-kit';

// The command's schema is the key-material contract shared with the gateway (libs/contracts).
export { recordConsumptionCommandSchema, type RecordConsumptionCommand } from '@v2v/contracts';

/**
 * MAT-01, TRC-01, QA-04: an operator records that the journey's batch, in production, consumed
 * a quantity of a released, unexpired lot that no recall names. The consumption row, its audit
 * entry and the custody event `key-material.consumed.v1` (which puts the lot on the donor's
 * ledger chain) commit together, once per event id; a refusal writes nothing.
 */
@Injectable()
export class RecordKeyMaterialConsumptionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly materials: KeyMaterialRepository,
    private readonly consumptions: KeyMaterialConsumptionRepository,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(
    command: RecordConsumptionCommand,
    now = this.clock.now(),
  ): Promise<KeyMaterialConsumption> {
    const donorCode = requireDonorCode(command.donorCode);
    const repeat = await this.consumptions.byEventId(command.eventId);
    if (repeat) return this.sameRequest(repeat, donorCode, command);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const batch = await this.consumptions.batchInProduction(manager, donorCode);
        if (!batch)
          throw new DomainError(
            'NOT_FOUND',
            `no batch in production for donor code ${donorCode}: key materials are consumed by a batch in production`,
          );
        return this.recordFor(manager, batch, { ...command, donorCode }, now);
      });
    } catch (error) {
      // Two deliveries of the same event id raced: the loser answers with the winner's record.
      const winner =
        uniqueViolationConstraint(error) !== undefined
          ? await this.consumptions.byEventId(command.eventId)
          : undefined;
      if (winner) return this.sameRequest(winner, donorCode, command);
      throw error;
    }
  }

  /**
   * MAT-01, QA-04 inside the caller's transaction (the batch record's step completion): the lot
   * must be released, unexpired on `now`'s day and named by no recall; the consumption, its
   * audit entry and its custody event are written with the caller's other records.
   */
  async recordFor(
    manager: EntityManager,
    batch: Pick<BatchRef, 'batchNumber' | 'journeyId'>,
    command: RecordConsumptionCommand,
    now: Date,
  ): Promise<KeyMaterialConsumption> {
    const { donorCode } = command;
    // A released lot can no longer change (TRG_key_material_lot_guard); the lock is for QA-04:
    // it waits for a recall of the lot being written (its key-share lock) and holds one back
    // until this consumption commits, so the recall's genealogy reaches this batch or refuses it.
    const lot = await this.materials.findLot(command.lotId, manager, 'FOR UPDATE');
    assertLotConsumable(lot, command.lotId, isoDay(now));
    requireLotNotRecalled(lot.lotId, await this.materials.recallsOfLot(manager, lot.lotId));
    const consumption = await this.consumptions.insert(manager, {
      consumptionId: this.ids.newId(),
      eventId: command.eventId,
      lotId: lot.lotId,
      materialCode: lot.materialCode,
      batchNumber: batch.batchNumber,
      donorCode,
      journeyId: batch.journeyId,
      quantity: command.quantity,
      unit: command.unit,
      consumedBy: command.consumedBy,
    });
    await writeAudit(manager, 'production', {
      recordType: 'key-material-consumption',
      recordId: consumption.consumptionId,
      journeyId: batch.journeyId,
      action: 'create',
      actor: command.consumedBy,
      newValue: consumption,
    });
    await appendToOutbox(manager, {
      topic: TOPICS.production,
      aggregateType: 'journey',
      aggregateId: donorCode,
      messageType: 'key-material.consumed.v1',
      producer: 'production',
      causationId: command.eventId,
      journeyId: batch.journeyId,
      occurredAt: new Date(consumption.consumedAt),
      payload: {
        donorCode,
        journeyId: batch.journeyId,
        actor: command.consumedBy,
        recordId: consumption.consumptionId,
        summary: `batch ${batch.batchNumber} consumed ${command.quantity} ${command.unit} of key-material lot ${lot.lotId} (${lot.materialCode})`,
        detail: {
          lotId: lot.lotId,
          materialCode: lot.materialCode,
          supplierLot: lot.inspection.supplierLot,
          expiresOn: lot.inspection.expiresOn,
          batchNumber: batch.batchNumber,
          quantity: command.quantity,
          unit: command.unit,
        },
      },
    });
    return consumption;
  }

  private sameRequest(
    existing: KeyMaterialConsumption,
    donorCode: string,
    command: RecordConsumptionCommand,
  ): KeyMaterialConsumption {
    const same =
      existing.donorCode === donorCode &&
      existing.lotId === command.lotId &&
      existing.quantity === command.quantity &&
      existing.unit === command.unit;
    if (!same)
      throw new DomainError(
        'IDEMPOTENCY_CONFLICT',
        `event id ${command.eventId} was already used for another consumption`,
      );
    return existing;
  }
}
