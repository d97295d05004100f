import { idempotencyScopeOf, IdempotencyScope, scopedEventId } from './idempotency-scope';

const KEY = '3f1c2b1e-8a4d-4c1e-9b2a-1d2e3f4a5b6c';
const scope: IdempotencyScope = {
  username: 'qa-qp',
  route: 'POST /api/journeys/:donorCode/release-material',
  donorCode: 'A99991500000100M',
  key: KEY,
};
const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('scopedEventId (issue 10 A9)', () => {
  it('maps the same request repeated to the same event id, a name-based UUIDv8', () => {
    expect(scopedEventId(scope)).toBe(scopedEventId({ ...scope }));
    expect(scopedEventId(scope)).toMatch(UUID_V8);
  });

  it('is a fixed function of its inputs (SHA-256 name-based, RFC 9562 appendix B.2)', () => {
    // A change here changes every event id derived since: a repeat after a deployment would
    // no longer be recognised downstream. Never change the namespace or the name's shape.
    expect(scopedEventId(scope)).toBe('f00a2b74-bc8b-89f5-b9d8-601e807f29fa');
  });

  it.each([
    ['another user', { username: 'qa-qp-2' }],
    ['another route', { route: 'POST /api/journeys/:donorCode/reject-material' }],
    ['another donor code', { donorCode: 'A99991500000200K' }],
    ['another key', { key: '3f1c2b1e-8a4d-4c1e-9b2a-1d2e3f4a5b6d' }],
  ])('gives the same key from %s another event id', (_, change) => {
    expect(scopedEventId({ ...scope, ...change })).not.toBe(scopedEventId(scope));
  });

  it('cannot be fooled by a field that runs into the next', () => {
    const a = { ...scope, username: 'a|b', route: 'c' };
    const b = { ...scope, username: 'a', route: 'b|c' };
    expect(scopedEventId(a)).not.toBe(scopedEventId(b));
  });
});

describe('idempotencyScopeOf', () => {
  const request = (over: Record<string, unknown> = {}) => ({
    method: 'POST',
    path: '/api/journeys/a99991500000100m/release-material',
    route: { path: '/api/journeys/:donorCode/release-material' },
    headers: { 'idempotency-key': KEY.toUpperCase() },
    params: { donorCode: 'a99991500000100m' },
    user: { userId: 'u1', username: 'qa-qp', role: 'qa-qp' as const, institutionId: null },
    ...over,
  });

  it('scopes the key to user, route pattern and canonical donor code, the key in lower case', () => {
    expect(idempotencyScopeOf(request())).toEqual(scope);
  });

  it('has no scope without a key or without a user', () => {
    expect(idempotencyScopeOf(request({ headers: {} }))).toBeUndefined();
    expect(idempotencyScopeOf(request({ user: undefined }))).toBeUndefined();
  });

  it("gives a route without a donor code the donor code ''", () => {
    const order = request({ params: {}, route: { path: '/api/orders' } });
    expect(idempotencyScopeOf(order)).toMatchObject({ route: 'POST /api/orders', donorCode: '' });
  });
});
