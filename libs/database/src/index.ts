export * from './database-config';
export * from './service-data-source';
