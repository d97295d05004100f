/**
 * The environment that carries one day and slot for every batch-record spec of a test run: set
 * by the integration global setup, read by the test context (Jest gives each spec file its own
 * module registry, so a value drawn in the module would differ per file).
 */
export const RUN_DAY_ENV = 'V2V_IT_BATCH_RECORD_DAY';
export const RUN_SLOT_ENV = 'V2V_IT_BATCH_RECORD_SLOT';
