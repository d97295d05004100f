import { shipperQualificationDecisionsMigration } from '@v2v/shipper-qualification';

export const CreateShipperQualificationDecisions1764117300000 =
  shipperQualificationDecisionsMigration(
    'release',
    ['audit_entry'],
    'CreateShipperQualificationDecisions1764117300000',
  );
