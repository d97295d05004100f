import { auditTrailMigration } from '@v2v/audit';

export const CreateAuditTrail1764115200000 = auditTrailMigration(
  'production',
  'CreateAuditTrail1764115200000',
);
