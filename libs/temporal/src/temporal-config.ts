/** Local embedded default: the Temporal dev server `npm run infra:up` starts (tools/infra). */
export function temporalAddress(env: NodeJS.ProcessEnv = process.env): string {
  return env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
}

export function temporalNamespace(env: NodeJS.ProcessEnv = process.env): string {
  return env.TEMPORAL_NAMESPACE ?? 'default';
}

/** Where ops open a journey: the Temporal UI built into the dev server by default. */
export function temporalUiUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.TEMPORAL_UI_URL ?? 'http://localhost:8233';
}

export function journeyUiLink(workflowId: string, env: NodeJS.ProcessEnv = process.env): string {
  return `${temporalUiUrl(env)}/namespaces/${temporalNamespace(env)}/workflows/${encodeURIComponent(workflowId)}`;
}
