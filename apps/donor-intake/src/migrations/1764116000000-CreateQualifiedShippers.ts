import { qualifiedShippersMigration } from '@v2v/shipper-qualification';

export const CreateQualifiedShippers1764116000000 = qualifiedShippersMigration(
  'donor_intake',
  'donor-material',
  {
    shipperId: 'SHIPPER-2-8C-01',
    description: '2-8 °C validated shipper, courier lane hospital → factory',
  },
  'CreateQualifiedShippers1764116000000',
);
