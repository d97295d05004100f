import { serviceRoleGrantsMigration } from '@v2v/database';

/** The services' role may not alter these tables nor edit or delete their rows. */
export const GrantServiceRole1764115800000 = serviceRoleGrantsMigration(
  'donor_intake',
  ['audit_entry'],
  'GrantServiceRole1764115800000',
);
