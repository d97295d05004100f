import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '@v2v/contracts';

export interface UserAccount {
  id: string;
  username: string;
  passwordHash: string;
  role: Role;
  institutionId: string | null;
}

@Injectable()
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findByUsername(username: string): Promise<UserAccount | undefined> {
    const rows = await this.dataSource.query(
      `SELECT "id", "username", "password_hash" AS "passwordHash", "role", "institution_id" AS "institutionId"
         FROM "gateway"."user_account" WHERE "username" = $1`,
      [username],
    );
    return rows[0];
  }
}
