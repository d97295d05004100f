/*
 * What workflow code imports at run time: the Temporal definitions, pure rules and constants
 * the workflows use, and no module that builds a zod schema (enforced by the lint rule on
 * workflows/src and by the bundle's test). The worker evaluates the bundle's modules again for
 * every workflow it creates (its reused V8 context shares the context, not the module cache),
 * so a schema here would be built once per journey, custody leg and batch record, with zod
 * itself (1 MB of the bundle's 1.9 MB of code) loaded each time.
 */
export * from './activities/service-activities';
export * from './custody/excursion-budget';
export * from './custody/leg-telemetry';
export * from './institutions/institution-hold';
export * from './internal/release-gates';
export * from './journey/follow-up-period';
export * from './journey/journey-search-attributes';
export * from './journey/journey-stage';
export * from './journey/journey-step-records';
export * from './journey/journey-steps';
export * from './journey/journey.contracts';
export * from './journey/recall-hold';
export * from './journey/site-legs';
export * from './production/batch-record';
