import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/common';
import { temporalNamespace } from './temporal-config';
import { temporalConnectionOptions } from './temporal-tls';
import { tracingClientInterceptors } from './temporal-tracing';

let client: Promise<Client> | undefined;

/**
 * The process's one Temporal client. Connections are expensive and leak when created per
 * request, so every caller in a process shares this one; the first call's `env` (the app's
 * validated config) decides where it connects. Its calls carry the trace when tracing is on.
 */
export function getTemporalClient(env: NodeJS.ProcessEnv = process.env): Promise<Client> {
  client ??= Connection.connect(temporalConnectionOptions(env)).then(
    (connection) =>
      new Client({
        connection,
        namespace: temporalNamespace(env),
        interceptors: tracingClientInterceptors(),
      }),
  );
  return client;
}

export async function closeTemporalClient(): Promise<void> {
  if (!client) return;
  const current = await client;
  client = undefined;
  await current.connection.close();
}

/**
 * Signals a running workflow; false when there is none with this id (closed or never
 * started), so a caller can keep its record without failing. Other errors propagate.
 */
export async function signalIfRunning<Args extends unknown[]>(
  workflowId: string,
  signal: SignalDefinition<Args>,
  ...args: Args
): Promise<boolean> {
  return signalWorkflowIfRunning(await getTemporalClient(), workflowId, signal, ...args);
}

/** `signalIfRunning` through a given client (an injected port's). */
export async function signalWorkflowIfRunning<Args extends unknown[]>(
  client: Client,
  workflowId: string,
  signal: SignalDefinition<Args>,
  ...args: Args
): Promise<boolean> {
  try {
    await client.workflow.getHandle(workflowId).signal(signal, ...args);
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}
