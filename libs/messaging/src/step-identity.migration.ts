import { MigrationInterface, QueryRunner } from 'typeorm';
import { addStepIdentitySql, dropStepIdentitySql } from './step-record.sql';

/** CSV-04: a service's step records keyed by the journey step itself (`addStepIdentitySql`). */
export function stepIdentityMigration(schema: string, name: string) {
  return class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      for (const sql of addStepIdentitySql(schema)) await q.query(sql);
    }

    async down(q: QueryRunner): Promise<void> {
      for (const sql of dropStepIdentitySql(schema)) await q.query(sql);
    }
  };
}
