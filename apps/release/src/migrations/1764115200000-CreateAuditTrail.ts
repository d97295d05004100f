import { auditTrailMigration } from '@v2v/audit';

export const CreateAuditTrail1764115200000 = auditTrailMigration(
  'release',
  'CreateAuditTrail1764115200000',
);
