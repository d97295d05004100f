import { auditHeadGuardMigration } from '@v2v/audit';

/** CSV-01: audit chain heads move forward only, to an existing entry, and are never deleted. */
export const GuardAuditChainHeads1765000710000 = auditHeadGuardMigration(
  'production',
  'GuardAuditChainHeads1765000710000',
);
