import { DataSource, DataSourceOptions, MixedList } from 'typeorm';
import { databaseUrl } from './database-config';

export interface ServiceDataSourceOptions {
  /** The PostgreSQL schema the service owns; no service reads another's schema. */
  schema: string;
  // TypeORM's own option types: entity classes and migration classes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's type
  migrations: MixedList<Function>;
  url?: string;
  poolSize?: number;
  /** Where DATABASE_URL is read when `url` is not given (the app's validated config). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Options for one service's data source. Schema changes only through migrations:
 * `synchronize` is never on here (tests that want it build their own options).
 */
export function serviceDataSourceOptions(options: ServiceDataSourceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url ?? databaseUrl(options.env),
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: ['error'],
    extra: { max: options.poolSize ?? 10, application_name: `v2v-${options.schema}` },
  };
}

/** Creates the service's schema if needed and applies its pending migrations. */
export async function migrateServiceSchema(dataSource: DataSource): Promise<string[]> {
  const schema = (dataSource.options as { schema?: string }).schema;
  if (!schema) throw new Error('a service data source must name its schema');
  if (!dataSource.isInitialized) await dataSource.initialize();
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
