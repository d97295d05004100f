import { qualifiedShippersMigration } from '@v2v/shipper-qualification';

export const CreateQualifiedShippers1764116000000 = qualifiedShippersMigration(
  'release',
  'product',
  { shipperId: 'LN2-DRYSHIPPER-07', description: 'LN2 dry shipper, lane factory → treatment site' },
  'CreateQualifiedShippers1764116000000',
);
