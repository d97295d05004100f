import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface Institution {
  id: string;
  name: string;
  facilityCode: string;
  status: string;
  agreementExpiresOn: string | null;
}

@Injectable()
export class InstitutionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Institution | undefined> {
    const rows = await manager.query(
      `SELECT "id", "name", "facility_code" AS "facilityCode", "status",
              to_char("agreement_expires_on", 'YYYY-MM-DD') AS "agreementExpiresOn"
         FROM "donor_intake"."institution" WHERE "id" = $1`,
      [id],
    );
    return rows[0];
  }

  async list(): Promise<Institution[]> {
    return this.dataSource.query(
      `SELECT "id", "name", "facility_code" AS "facilityCode", "status",
              to_char("agreement_expires_on", 'YYYY-MM-DD') AS "agreementExpiresOn"
         FROM "donor_intake"."institution" ORDER BY "id"`,
    );
  }
}
