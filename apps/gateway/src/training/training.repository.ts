import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TrainingRecord } from './training-rules';

@Injectable()
export class TrainingRepository {
  constructor(private readonly dataSource: DataSource) {}

  async recordsOf(username: string): Promise<TrainingRecord[]> {
    return this.dataSource.query(
      `SELECT "operation", to_char("expires_on", 'YYYY-MM-DD') AS "expiresOn"
         FROM "gateway"."training_record" WHERE "username" = $1`,
      [username],
    );
  }
}
