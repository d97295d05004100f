export * from './database-config';
export * from './service-data-source';
export * from './retention-guard.sql';
export * from './service-role-grants.sql';
export * from './service-role-grants.migration';
export * from './append-only.sql';
export * from './chain-head-guard.sql';
export * from './audited-change.sql';
