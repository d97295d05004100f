import { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditTablesSql, dropAuditTablesSql } from '@v2v/audit';
import { serviceRoleGrantsSql } from '@v2v/database';

/** The gateway's own GMP records (electronic signatures) get their audit trail too (CSV-01). */
export class CreateAuditTrail1764115900000 implements MigrationInterface {
  name = 'CreateAuditTrail1764115900000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of createAuditTablesSql('gateway')) await q.query(sql);
    await q.query(
      serviceRoleGrantsSql('gateway', ['electronic_signature', 'access_refusal', 'audit_entry']),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropAuditTablesSql('gateway')) await q.query(sql);
  }
}
