import { Client, Connection } from '@temporalio/client';
import { temporalAddress, temporalNamespace } from './temporal-config';

let client: Promise<Client> | undefined;

/**
 * The process's one Temporal client. Connections are expensive and leak when created per
 * request, so every caller in a process shares this one.
 */
export function getTemporalClient(): Promise<Client> {
  client ??= Connection.connect({ address: temporalAddress() }).then(
    (connection) => new Client({ connection, namespace: temporalNamespace() }),
  );
  return client;
}

export async function closeTemporalClient(): Promise<void> {
  if (!client) return;
  const current = await client;
  client = undefined;
  await current.connection.close();
}
