import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RefusalView } from '@v2v/messaging';

export interface AccessRefusalRow {
  username: string | null;
  role: string | null;
  method: string;
  path: string;
  status: number;
  reason: string;
  code: string | null;
  donorCode: string | null;
}

interface StoredRefusal extends AccessRefusalRow {
  at: Date;
}

/** `gateway.access_refusal`: every refusal the gateway answered, append-only by its grants. */
@Injectable()
export class AccessRefusalRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(row: AccessRefusalRow): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "gateway"."access_refusal"
         ("username", "role", "method", "path", "status", "reason", "code", "donor_code")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        row.username,
        row.role,
        row.method,
        row.path,
        row.status,
        row.reason,
        row.code,
        row.donorCode,
      ],
    );
  }

  async byDonorCode(donorCode: string): Promise<RefusalView[]> {
    const rows: StoredRefusal[] = await this.dataSource.query(
      `SELECT "at", "username", "role", "method", "path", "status", "reason", "code", "donor_code" AS "donorCode"
         FROM "gateway"."access_refusal" WHERE "donor_code" = $1 ORDER BY "at", "id"`,
      [donorCode],
    );
    return rows.map((row) => ({
      service: 'gateway',
      at: row.at.toISOString(),
      actor: { userId: row.username, role: row.role },
      donorCode: row.donorCode,
      code: row.code,
      message: row.reason,
      request: { method: row.method, path: row.path, status: row.status },
    }));
  }
}
