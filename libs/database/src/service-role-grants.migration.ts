import { MigrationInterface, QueryRunner } from 'typeorm';
import { serviceDatabaseRole } from './database-config';
import { serviceRoleGrantsSql } from './service-role-grants.sql';

/**
 * The migration that grants a schema to the services' role; it runs last in each service,
 * and a later migration that adds a table runs `serviceRoleGrantsSql` again.
 */
export function serviceRoleGrantsMigration(
  schema: string,
  appendOnlyTables: string[],
  name: string,
) {
  return class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      await q.query(serviceRoleGrantsSql(schema, appendOnlyTables));
    }

    async down(q: QueryRunner): Promise<void> {
      const role = serviceDatabaseRole();
      await q.query(`DO $r$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
          EXECUTE 'REVOKE ALL ON ALL TABLES IN SCHEMA "${schema}" FROM "${role}"';
          EXECUTE 'REVOKE ALL ON ALL SEQUENCES IN SCHEMA "${schema}" FROM "${role}"';
          EXECUTE 'REVOKE USAGE ON SCHEMA "${schema}" FROM "${role}"';
        END IF;
      END $r$`);
    }
  };
}
