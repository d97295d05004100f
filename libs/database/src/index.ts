export * from './database-config';
export * from './service-data-source';
export * from './retention-guard.sql';
