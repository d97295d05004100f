export * from './shipper-qualification.repository';
export * from './qualified-shippers.controller';
export * from './qualified-shippers.providers';
export * from './qualified-shippers.migration';
export * from './shipper-qualification-decisions.migration';
