import { shipperQualificationDecisionsMigration } from '@v2v/shipper-qualification';

export const CreateShipperQualificationDecisions1764117300000 =
  shipperQualificationDecisionsMigration(
    'donor_intake',
    [
      'audit_entry',
      'temperature_reading',
      'deviation_closure',
      'quality_agreement',
      'institution_decision',
      'institution_notice',
    ],
    'CreateShipperQualificationDecisions1764117300000',
  );
