import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { getRPCMetadata, RPCType, setRPCMetadata } from '@opentelemetry/core';
import { recordRouteIn } from './server-route';

describe('the server span named by its route', () => {
  it("names an HTTP request's server span by the route pattern the router matched", () => {
    const server = trace.wrapSpanContext({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: 1,
    });
    const request = setRPCMetadata(ROOT_CONTEXT, { type: RPCType.HTTP, span: server });
    recordRouteIn(request, '/api/journeys/:donorCode/record-donor-screening');
    expect(getRPCMetadata(request)?.route).toBe('/api/journeys/:donorCode/record-donor-screening');
  });

  it('does nothing outside an HTTP request (a consumer, an activity)', () => {
    expect(() => recordRouteIn(ROOT_CONTEXT, '/unrouted')).not.toThrow();
    expect(getRPCMetadata(ROOT_CONTEXT)).toBeUndefined();
  });
});
