import { EntityManager } from 'typeorm';
import type { ShipperQualification } from '@v2v/contracts';

/** Reads a shipper's qualification from the service's own `qualified_shipper` table. */
export async function findShipperQualification(
  manager: EntityManager,
  schema: string,
  shipperId: string,
): Promise<ShipperQualification | undefined> {
  const rows = await manager.query(
    `SELECT "shipper_id" AS "shipperId", "carries", to_char("qualified_until", 'YYYY-MM-DD') AS "qualifiedUntil"
       FROM "${schema}"."qualified_shipper" WHERE "shipper_id" = $1`,
    [shipperId],
  );
  return rows[0];
}
