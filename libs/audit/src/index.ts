export * from './audit-tables.sql';
export * from './audit-writer';
export * from './audit-reader';
export * from './audit-trail.migration';
