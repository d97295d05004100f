import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@v2v/contracts';
import type { KeyMaterial, KeyMaterialConsumption, KeyMaterialLot } from './key-material';

const S = '"production"';

export interface BatchRef {
  batchNumber: string;
  donorCode: string;
  journeyId: string;
  status: string;
}

interface ConsumptionRow {
  consumption_id: string;
  event_id: string;
  lot_id: string;
  material_code: string;
  batch_number: string;
  donor_code: string;
  journey_id: string;
  quantity: string;
  unit: string;
  consumed_by: string;
  consumed_by_role: Role;
  consumed_at: Date;
}

/** A consumption as a journey's batch record shows it: with what the lot and material were. */
export type ConsumptionWithLot = KeyMaterialConsumption & {
  material: Pick<KeyMaterial, 'materialCode' | 'name' | 'category'>;
  lot: Pick<KeyMaterialLot, 'lotId' | 'status'> &
    Pick<KeyMaterialLot['inspection'], 'supplier' | 'supplierLot' | 'expiresOn'>;
};

interface ConsumptionWithLotRow extends ConsumptionRow {
  material_name: string;
  material_category: KeyMaterial['category'];
  lot_status: KeyMaterialLot['status'];
  supplier: string;
  supplier_lot: string;
  expires_on: string;
}

// The material and lot details come from the lot: a consumption row never repeats what the lot
// records.
const SELECT_CONSUMPTIONS = `SELECT c.*, l."material_code", l."status" AS "lot_status", l."supplier", l."supplier_lot",
    to_char(l."expires_on", 'YYYY-MM-DD') AS "expires_on", m."name" AS "material_name", m."category" AS "material_category"
  FROM ${S}."key_material_consumption" c
  JOIN ${S}."key_material_lot" l ON l."lot_id" = c."lot_id"
  JOIN ${S}."key_material" m ON m."material_code" = l."material_code"`;

const toConsumption = (r: ConsumptionRow): KeyMaterialConsumption => ({
  consumptionId: r.consumption_id,
  eventId: r.event_id,
  lotId: r.lot_id,
  materialCode: r.material_code,
  batchNumber: r.batch_number,
  donorCode: r.donor_code,
  journeyId: r.journey_id,
  // numeric arrives as text to keep its precision; quantities here are small decimals.
  quantity: Number(r.quantity),
  unit: r.unit,
  consumedBy: { userId: r.consumed_by, role: r.consumed_by_role },
  consumedAt: r.consumed_at.toISOString(),
});

/** The only place with SQL for consumptions and the batches they are recorded against. */
@Injectable()
export class KeyMaterialConsumptionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The journey's batch while it is in production, share-locked so that it cannot complete
   * while a consumption is being recorded against it.
   */
  async batchInProduction(
    manager: EntityManager,
    donorCode: string,
  ): Promise<BatchRef | undefined> {
    const rows: BatchRef[] = await manager.query(
      `SELECT "batch_number" AS "batchNumber", "donor_code" AS "donorCode", "journey_id" AS "journeyId", "status"
         FROM ${S}."batch" WHERE "donor_code" = $1 AND "status" = 'in-production' FOR SHARE`,
      [donorCode],
    );
    return rows[0];
  }

  /**
   * The journey's batches in any status, in start order: one, or more when a failed batch was
   * re-made from retained donor material.
   */
  batchesOf(donorCode: string): Promise<BatchRef[]> {
    return this.dataSource.query(
      `SELECT "batch_number" AS "batchNumber", "donor_code" AS "donorCode", "journey_id" AS "journeyId", "status"
         FROM ${S}."batch" WHERE "donor_code" = $1 ORDER BY "started_at", "batch_number"`,
      [donorCode],
    );
  }

  async insert(
    manager: EntityManager,
    c: Omit<KeyMaterialConsumption, 'consumedAt'>,
  ): Promise<KeyMaterialConsumption> {
    await manager.query(
      `INSERT INTO ${S}."key_material_consumption" ("consumption_id", "event_id", "lot_id", "batch_number", "donor_code", "journey_id",
         "quantity", "unit", "consumed_by", "consumed_by_role")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        c.consumptionId,
        c.eventId,
        c.lotId,
        c.batchNumber,
        c.donorCode,
        c.journeyId,
        c.quantity,
        c.unit,
        c.consumedBy.userId,
        c.consumedBy.role,
      ],
    );
    return (await this.byEventId(c.eventId, manager)) as KeyMaterialConsumption;
  }

  async byEventId(
    eventId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<KeyMaterialConsumption | undefined> {
    const rows: ConsumptionRow[] = await manager.query(
      `${SELECT_CONSUMPTIONS} WHERE c."event_id" = $1`,
      [eventId],
    );
    return rows[0] && toConsumption(rows[0]);
  }

  /** Forward genealogy: every use of one lot, in time order. */
  async ofLot(lotId: string): Promise<KeyMaterialConsumption[]> {
    const rows: ConsumptionRow[] = await this.dataSource.query(
      `${SELECT_CONSUMPTIONS} WHERE c."lot_id" = $1 ORDER BY c."consumed_at", c."consumption_id"`,
      [lotId],
    );
    return rows.map(toConsumption);
  }

  /** Backward genealogy: every lot one donor's batch consumed, in time order. */
  async ofDonor(donorCode: string): Promise<ConsumptionWithLot[]> {
    const rows: ConsumptionWithLotRow[] = await this.dataSource.query(
      `${SELECT_CONSUMPTIONS} WHERE c."donor_code" = $1 ORDER BY c."consumed_at", c."consumption_id"`,
      [donorCode],
    );
    return rows.map((r) => ({
      ...toConsumption(r),
      material: {
        materialCode: r.material_code,
        name: r.material_name,
        category: r.material_category,
      },
      lot: {
        lotId: r.lot_id,
        status: r.lot_status,
        supplier: r.supplier,
        supplierLot: r.supplier_lot,
        expiresOn: r.expires_on,
      },
    }));
  }
}
