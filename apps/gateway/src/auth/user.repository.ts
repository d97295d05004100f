import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@v2v/contracts';

export interface UserAccount {
  id: string;
  username: string;
  passwordHash: string;
  role: Role;
  institutionId: string | null;
  displayName: string;
  mustChangePassword: boolean;
  passwordChangedAt: Date | null;
  disabledAt: Date | null;
  disabledBy: string | null;
  createdAt: Date;
}

/** An account as shown and audited: never its password hash. */
export interface UserAccountView {
  username: string;
  displayName: string;
  role: Role;
  institutionId: string | null;
  status: 'active' | 'disabled';
  mustChangePassword: boolean;
  passwordChangedAt: string | null;
  disabledAt: string | null;
  disabledBy: string | null;
  createdAt: string;
}

export function accountView(account: UserAccount): UserAccountView {
  return {
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    institutionId: account.institutionId,
    status: account.disabledAt ? 'disabled' : 'active',
    mustChangePassword: account.mustChangePassword,
    passwordChangedAt: account.passwordChangedAt?.toISOString() ?? null,
    disabledAt: account.disabledAt?.toISOString() ?? null,
    disabledBy: account.disabledBy,
    createdAt: account.createdAt.toISOString(),
  };
}

const COLUMNS = `"id", "username", "password_hash" AS "passwordHash", "role", "institution_id" AS "institutionId",
  "display_name" AS "displayName", "must_change_password" AS "mustChangePassword",
  "password_changed_at" AS "passwordChangedAt", "disabled_at" AS "disabledAt", "disabled_by" AS "disabledBy",
  "created_at" AS "createdAt"`;

/** The only place with SQL for `gateway.user_account`. */
@Injectable()
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findByUsername(
    username: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<UserAccount | undefined> {
    const rows = await manager.query(
      `SELECT ${COLUMNS} FROM "gateway"."user_account" WHERE "username" = $1`,
      [username],
    );
    return rows[0];
  }

  /** The account locked for a change until the transaction ends. */
  async findForUpdate(manager: EntityManager, username: string): Promise<UserAccount | undefined> {
    const rows = await manager.query(
      `SELECT ${COLUMNS} FROM "gateway"."user_account" WHERE "username" = $1 FOR UPDATE`,
      [username],
    );
    return rows[0];
  }

  async findById(id: string): Promise<UserAccount | undefined> {
    const rows = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM "gateway"."user_account" WHERE "id" = $1`,
      [id],
    );
    return rows[0];
  }

  async list(): Promise<UserAccount[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM "gateway"."user_account" ORDER BY "username"`,
    );
  }

  /**
   * Serialises account creation against a concurrent bootstrap (the second waits, then sees the
   * first).
   */
  async lockAccounts(manager: EntityManager): Promise<void> {
    await manager.query(`LOCK TABLE "gateway"."user_account" IN SHARE ROW EXCLUSIVE MODE`);
  }

  async countActiveAdmins(manager: EntityManager): Promise<number> {
    const [{ count }] = await manager.query(
      `SELECT count(*)::int AS "count" FROM "gateway"."user_account"
        WHERE "role" = 'admin' AND "disabled_at" IS NULL`,
    );
    return count;
  }

  /** A new account; it must change the given password at its first login. */
  async insert(
    manager: EntityManager,
    account: Pick<
      UserAccount,
      'username' | 'displayName' | 'role' | 'institutionId' | 'passwordHash'
    >,
  ): Promise<UserAccount> {
    const rows = await manager.query(
      `INSERT INTO "gateway"."user_account" ("username", "password_hash", "role", "institution_id", "display_name", "must_change_password")
       VALUES ($1, $2, $3, $4, $5, true) RETURNING ${COLUMNS}`,
      [
        account.username,
        account.passwordHash,
        account.role,
        account.institutionId,
        account.displayName,
      ],
    );
    return rows[0];
  }

  async updateAssignment(
    manager: EntityManager,
    username: string,
    assignment: { role: Role; institutionId: string | null },
  ): Promise<UserAccount> {
    const rows = await manager.query(
      `UPDATE "gateway"."user_account" SET "role" = $2, "institution_id" = $3
        WHERE "username" = $1 RETURNING ${COLUMNS}`,
      [username, assignment.role, assignment.institutionId],
    );
    return rows[0][0];
  }

  /** Disables the account (`disabledBy` set) or enables it again (null). */
  async setDisabled(
    manager: EntityManager,
    username: string,
    disabledBy: string | null,
  ): Promise<UserAccount> {
    const rows = await manager.query(
      `UPDATE "gateway"."user_account"
          SET "disabled_at" = CASE WHEN $2::text IS NULL THEN NULL ELSE clock_timestamp() END, "disabled_by" = $2
        WHERE "username" = $1 RETURNING ${COLUMNS}`,
      [username, disabledBy],
    );
    return rows[0][0];
  }

  /**
   * A new password: the owner's own choice (`mustChange` false) or a temporary one an
   * administrator gave (`mustChange` true). Sessions issued before it end (auth.guard.ts): the
   * time is the gateway's clock, as the tokens' `iat` is, not the database's.
   */
  async setPassword(
    manager: EntityManager,
    username: string,
    password: { hash: string; mustChange: boolean; changedAt: Date },
  ): Promise<UserAccount> {
    const rows = await manager.query(
      `UPDATE "gateway"."user_account"
          SET "password_hash" = $2, "must_change_password" = $3, "password_changed_at" = $4
        WHERE "username" = $1 RETURNING ${COLUMNS}`,
      [username, password.hash, password.mustChange, password.changedAt],
    );
    return rows[0][0];
  }
}
