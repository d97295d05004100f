import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  Actor,
  InstructionsForUse,
  InstructionsForUseAcknowledgement,
  InstructionsForUseShipment,
} from '@v2v/contracts';

const S = '"release"';

export type NewInstructionsShipment = Omit<InstructionsForUseShipment, 'acknowledgement'> & {
  journeyId: string;
  shipmentEventId: string;
};

export type NewAcknowledgement = Omit<InstructionsForUseAcknowledgement, 'acknowledgedAt'> & {
  donorCode: string;
};

type Row = Record<string, unknown>;

const iso = (value: unknown) => new Date(value as string | Date).toISOString();

function toShipment(r: Row): InstructionsForUseShipment {
  return {
    shipmentId: r.shipment_id as string,
    donorCode: r.donor_code as string,
    productCode: r.product_code as string,
    specificationVersion: Number(r.specification_version),
    contentSha256: r.content_sha256 as string,
    instructions: r.instructions as InstructionsForUse,
    shippedAt: iso(r.shipped_at),
    acknowledgement: r.acknowledgement_id
      ? {
          acknowledgementId: r.acknowledgement_id as string,
          shipmentId: r.shipment_id as string,
          contentSha256: r.acknowledged_sha256 as string,
          acknowledgedBy: {
            userId: r.acknowledged_by as string,
            role: r.acknowledged_by_role as Actor['role'],
          },
          institutionId: r.institution_id as string | null,
          acknowledgedAt: iso(r.acknowledged_at),
        }
      : null,
  };
}

/** The instructions for use shipped with each product and their acknowledgements (OTH-01). */
@Injectable()
export class InstructionsForUseRepository {
  constructor(private readonly dataSource: DataSource) {}

  async recordShipment(manager: EntityManager, shipment: NewInstructionsShipment): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."instructions_for_use_shipment"
         ("shipment_id", "donor_code", "journey_id", "shipment_event_id", "product_code",
          "specification_version", "content_sha256", "instructions", "shipped_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        shipment.shipmentId,
        shipment.donorCode,
        shipment.journeyId,
        shipment.shipmentEventId,
        shipment.productCode,
        shipment.specificationVersion,
        shipment.contentSha256,
        JSON.stringify(shipment.instructions),
        shipment.shippedAt,
      ],
    );
  }

  /** The journey's latest shipment's instructions, with their acknowledgement if given. */
  async latestShipment(
    donorCode: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<InstructionsForUseShipment | undefined> {
    const rows: Row[] = await manager.query(
      `SELECT s."shipment_id", s."donor_code", s."product_code", s."specification_version",
              s."content_sha256", s."instructions", s."shipped_at",
              a."acknowledgement_id", a."content_sha256" AS "acknowledged_sha256",
              a."acknowledged_by", a."acknowledged_by_role", a."institution_id",
              a."acknowledged_at"
         FROM ${S}."instructions_for_use_shipment" s
         LEFT JOIN ${S}."instructions_for_use_acknowledgement" a USING ("shipment_id")
        WHERE s."donor_code" = $1
        ORDER BY s."recorded_at" DESC, s."shipment_id" DESC LIMIT 1`,
      [donorCode],
    );
    return rows[0] ? toShipment(rows[0]) : undefined;
  }

  /** Records the acknowledgement unless the shipment has one; true when this call wrote it. */
  async acknowledge(manager: EntityManager, acknowledgement: NewAcknowledgement): Promise<boolean> {
    const rows: Row[] = await manager.query(
      `INSERT INTO ${S}."instructions_for_use_acknowledgement"
         ("acknowledgement_id", "shipment_id", "donor_code", "content_sha256", "acknowledged_by",
          "acknowledged_by_role", "institution_id")
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ("shipment_id") DO NOTHING RETURNING 1`,
      [
        acknowledgement.acknowledgementId,
        acknowledgement.shipmentId,
        acknowledgement.donorCode,
        acknowledgement.contentSha256,
        acknowledgement.acknowledgedBy.userId,
        acknowledgement.acknowledgedBy.role,
        acknowledgement.institutionId,
      ],
    );
    return rows.length > 0;
  }
}
