import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertRetentionElapsed, DomainError, traceabilityRetainedUntil } from '@v2v/contracts';

/**
 * A request to delete a donor and its journey's records. QA-03 refuses it for 30 years after
 * registration; the database trigger refuses it again if anything bypassed this check.
 */
@Injectable()
export class DeleteDonorUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(donorCode: string, now = new Date()): Promise<void> {
    const [donor] = await this.dataSource.query(
      `SELECT "registered_at" FROM "donor_intake"."donor" WHERE "donor_code" = $1`,
      [donorCode],
    );
    if (!donor) throw new DomainError('NOT_FOUND', `no donor with code ${donorCode}`);
    assertRetentionElapsed(
      `the traceability records of donor ${donorCode}`,
      traceabilityRetainedUntil(donor.registered_at),
      now,
    );
    await this.dataSource.query(`DELETE FROM "donor_intake"."donor" WHERE "donor_code" = $1`, [
      donorCode,
    ]);
  }
}
