import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface Donor {
  donorCode: string;
  eyeReadable: string;
  patientReference: string;
  institutionId: string;
  productCode: string;
  requestKey: string;
}

const COLUMNS = `"donor_code" AS "donorCode", "eye_readable" AS "eyeReadable",
  "patient_reference" AS "patientReference", "institution_id" AS "institutionId",
  "product_code" AS "productCode", "request_key" AS "requestKey"`;

@Injectable()
export class DonorRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findByCode(donorCode: string): Promise<Donor | undefined> {
    const rows = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM "donor_intake"."donor" WHERE "donor_code" = $1`,
      [donorCode],
    );
    return rows[0];
  }

  async findByRequestKey(
    requestKey: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Donor | undefined> {
    const rows = await manager.query(
      `SELECT ${COLUMNS} FROM "donor_intake"."donor" WHERE "request_key" = $1`,
      [requestKey],
    );
    return rows[0];
  }

  /** Next sequence for a facility and year; the row lock serializes concurrent registrations. */
  async nextSequence(manager: EntityManager, facilityCode: string, year: number): Promise<number> {
    const rows = await manager.query(
      `INSERT INTO "donor_intake"."donor_code_counter" ("facility_code", "year", "last_sequence")
       VALUES ($1, $2, 1)
       ON CONFLICT ("facility_code", "year")
       DO UPDATE SET "last_sequence" = "donor_code_counter"."last_sequence" + 1
       RETURNING "last_sequence"`,
      [facilityCode, year],
    );
    return rows[0].last_sequence;
  }

  async insert(manager: EntityManager, donor: Donor, registeredBy: string): Promise<void> {
    await manager.query(
      `INSERT INTO "donor_intake"."donor"
         ("donor_code", "eye_readable", "patient_reference", "institution_id", "product_code", "request_key", "registered_by")
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        donor.donorCode,
        donor.eyeReadable,
        donor.patientReference,
        donor.institutionId,
        donor.productCode,
        donor.requestKey,
        registeredBy,
      ],
    );
  }

  /** When the donor was registered, the start of its retention period (QA-03). */
  async registeredAt(donorCode: string): Promise<Date | undefined> {
    const rows: Array<{ registered_at: Date }> = await this.dataSource.query(
      `SELECT "registered_at" FROM "donor_intake"."donor" WHERE "donor_code" = $1`,
      [donorCode],
    );
    return rows[0]?.registered_at;
  }

  /** Deletes a donor; the retention trigger refuses it inside the retention period. */
  async delete(donorCode: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM "donor_intake"."donor" WHERE "donor_code" = $1`, [
      donorCode,
    ]);
  }
}
