import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A migration that runs statements in order: `up` forward, `down` to take it back. For the
 * shared DDL a lib hands every service (each names its own migration and schema).
 */
export function sqlMigration(name: string, up: string[], down: string[]) {
  return class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      for (const sql of up) await q.query(sql);
    }

    async down(q: QueryRunner): Promise<void> {
      for (const sql of down) await q.query(sql);
    }
  };
}
