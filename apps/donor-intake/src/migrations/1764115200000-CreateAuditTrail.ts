import { auditTrailMigration } from '@v2v/audit';

export const CreateAuditTrail1764115200000 = auditTrailMigration(
  'donor_intake',
  'CreateAuditTrail1764115200000',
);
