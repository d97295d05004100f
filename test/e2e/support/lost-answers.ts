import { Client as PgClient } from 'pg';
import { migrationDatabaseUrl } from '@v2v/database';

/**
 * Forgets the answer the gateway kept for a user's Idempotency-Key on a journey, as when the
 * gateway is killed after the owner recorded the command and before it kept the answer: the
 * client's repeat with the same key then runs the command again. Deleted as the schema owner
 * (the services' role cannot); returns how many records it removed.
 */
export async function forgetKeptAnswer(
  username: string,
  donorCode: string,
  key: string,
): Promise<number> {
  const owner = new PgClient({ connectionString: migrationDatabaseUrl() });
  await owner.connect();
  try {
    const forgotten = await owner.query(
      `DELETE FROM gateway.idempotency_record WHERE username = $1 AND donor_code = $2 AND key = $3`,
      [username, donorCode, key],
    );
    return forgotten.rowCount ?? 0;
  } finally {
    await owner.end();
  }
}
