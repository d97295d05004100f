import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { IdempotencyScope } from './idempotency-scope';

export interface IdempotencyRecord {
  request_hash: string;
  status: number;
  response: unknown;
}

/** `gateway.idempotency_record`: the first answer per idempotency scope. */
@Injectable()
export class IdempotencyRecordRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(scope: IdempotencyScope): Promise<IdempotencyRecord | undefined> {
    const rows: IdempotencyRecord[] = await this.dataSource.query(
      `SELECT "request_hash", "status", "response" FROM "gateway"."idempotency_record"
        WHERE "username" = $1 AND "route" = $2 AND "donor_code" = $3 AND "key" = $4`,
      [scope.username, scope.route, scope.donorCode, scope.key],
    );
    return rows[0];
  }

  /** Keeps the first answer; a concurrent first answer wins and this one is dropped. */
  async insert(
    scope: IdempotencyScope,
    answer: { requestHash: string; status: number; response: unknown },
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "gateway"."idempotency_record"
         ("username", "route", "donor_code", "key", "request_hash", "status", "response")
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [
        scope.username,
        scope.route,
        scope.donorCode,
        scope.key,
        answer.requestHash,
        answer.status,
        JSON.stringify(answer.response ?? null),
      ],
    );
  }
}
