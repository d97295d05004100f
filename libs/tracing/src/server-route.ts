import { Context } from '@opentelemetry/api';
import { getRPCMetadata, RPCType } from '@opentelemetry/core';

/**
 * Names an HTTP request's server span by its route pattern (`POST /api/journeys/:donorCode/…`)
 * rather than the method alone: the HTTP instrumentation reads the route from the request's
 * RPC metadata in `active` when the response closes. Outside an HTTP request, nothing happens.
 */
export function recordRouteIn(active: Context, route: string): void {
  const rpc = getRPCMetadata(active);
  if (rpc?.type === RPCType.HTTP) rpc.route = route;
}
