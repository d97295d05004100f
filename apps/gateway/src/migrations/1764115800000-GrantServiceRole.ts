import { serviceRoleGrantsMigration } from '@v2v/database';

/** The services' role may not alter these tables nor edit or delete their rows. */
export const GrantServiceRole1764115800000 = serviceRoleGrantsMigration(
  'gateway',
  ['electronic_signature', 'access_refusal'],
  'GrantServiceRole1764115800000',
);
