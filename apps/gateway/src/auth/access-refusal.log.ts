import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface AccessRefusal {
  username?: string;
  role?: string;
  method: string;
  path: string;
  status: 401 | 403 | 404 | 429;
  reason: string;
}

/** CSV-03: every refused access is logged and kept in the gateway's schema. */
@Injectable()
export class AccessRefusalLog {
  private readonly logger = new Logger('AccessRefused');

  constructor(private readonly dataSource: DataSource) {}

  async record(refusal: AccessRefusal): Promise<void> {
    this.logger.warn({ ...refusal, at: new Date().toISOString() }, 'access refused');
    await this.dataSource.query(
      `INSERT INTO "gateway"."access_refusal" ("username", "role", "method", "path", "status", "reason")
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        refusal.username ?? null,
        refusal.role ?? null,
        refusal.method,
        refusal.path,
        refusal.status,
        refusal.reason,
      ],
    );
  }
}
