import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { PasswordAttempt } from './lockout-rules';

export type PasswordContext = 'login' | 'signature' | 'password-change';

/** Advisory lock classes, so a username and an address that hash alike never share a lock. */
const LOCK_USERNAME = 7101;
const LOCK_SOURCE = 7102;

/** The only place with SQL for `gateway.password_attempt`. */
@Injectable()
export class PasswordAttemptRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Serializes attempts on one username (and one source) until the transaction ends, across
   * gateway replicas; always the username first, so two attempts never wait on each other.
   */
  async lock(manager: EntityManager, username: string, source: string | null): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [
      LOCK_USERNAME,
      username,
    ]);
    if (source !== null)
      await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [LOCK_SOURCE, source]);
  }

  /** The database's clock, the same for every replica. */
  async now(manager: EntityManager): Promise<Date> {
    const [{ now }] = await manager.query(`SELECT clock_timestamp() AS "now"`);
    return now;
  }

  async ofUsername(
    manager: EntityManager,
    username: string,
    since: Date,
  ): Promise<PasswordAttempt[]> {
    return manager.query(
      `SELECT "at", "outcome" FROM "gateway"."password_attempt"
        WHERE "username" = $1 AND "at" > $2 ORDER BY "at"`,
      [username, since],
    );
  }

  /** Login attempts from one source address, whichever username they named. */
  async fromSource(
    manager: EntityManager,
    source: string,
    since: Date,
  ): Promise<PasswordAttempt[]> {
    return manager.query(
      `SELECT "at", "outcome" FROM "gateway"."password_attempt"
        WHERE "source" = $1 AND "at" > $2 ORDER BY "at"`,
      [source, since],
    );
  }

  async insertPending(
    manager: EntityManager,
    attempt: { username: string; source: string | null; context: PasswordContext },
  ): Promise<string> {
    const [{ id }] = await manager.query(
      `INSERT INTO "gateway"."password_attempt" ("username", "source", "context")
       VALUES ($1, $2, $3) RETURNING "id"`,
      [attempt.username, attempt.source, attempt.context],
    );
    return String(id);
  }

  async settle(id: string, outcome: 'failure' | 'success'): Promise<void> {
    await this.dataSource.query(
      `UPDATE "gateway"."password_attempt" SET "outcome" = $2 WHERE "id" = $1`,
      [id, outcome],
    );
  }
}
