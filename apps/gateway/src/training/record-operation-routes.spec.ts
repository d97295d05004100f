import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { RECORD_OPERATION_NAMES, RECORD_OPERATIONS } from '@v2v/contracts';
import { ROLES_KEY } from '../auth/roles.decorator';
import { GatewayModule } from '../gateway.module';
import { RECORD_OPERATION_ROUTES } from './record-operation-routes';

type Constructor = { name: string; prototype: Record<string, object> };

/** Every controller the gateway serves, through its module and the modules it imports. */
function controllers(module: object, seen = new Set<object>()): Constructor[] {
  if (seen.has(module)) return [];
  seen.add(module);
  const own: Constructor[] = Reflect.getMetadata('controllers', module) ?? [];
  const imports: object[] = (Reflect.getMetadata('imports', module) ?? []).filter(
    (m: unknown) => typeof m === 'function',
  );
  return [...own, ...imports.flatMap((m) => controllers(m, seen))];
}

/** `METHOD /path` of every endpoint, as Nest matches it, with its declared roles. */
function routes() {
  return controllers(GatewayModule).flatMap((controller) => {
    const base = String(Reflect.getMetadata('path', controller) ?? '');
    return Object.getOwnPropertyNames(controller.prototype)
      .map((name) => controller.prototype[name])
      .filter((handler) => Reflect.getMetadata('path', handler) !== undefined)
      .map((handler) => {
        const method = RequestMethod[Reflect.getMetadata('method', handler) as number];
        const sub = String(Reflect.getMetadata('path', handler));
        const path = `/${[base, sub].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
        return { route: `${method} ${path}`, roles: Reflect.getMetadata(ROLES_KEY, handler) };
      });
  });
}

describe('GMP operations other than journey steps (PER-01)', () => {
  it('PER-01 names a served route with the roles of its operation for every record operation', () => {
    const served = new Map(routes().map((r) => [r.route, r.roles as string[]]));
    for (const [route, operation] of Object.entries(RECORD_OPERATION_ROUTES)) {
      expect({ route, roles: served.get(route) }).toEqual({
        route,
        roles: [...RECORD_OPERATIONS[operation].roles],
      });
    }
    expect(new Set(Object.values(RECORD_OPERATION_ROUTES))).toEqual(
      new Set(RECORD_OPERATION_NAMES),
    );
  });

  it('PER-01 leaves no qualified-person or operator write outside the training matrix', () => {
    const steps = /^POST \/api\/journeys\/:donorCode\/[a-z-]+$/;
    const unchecked = routes().filter(
      (r) =>
        r.route.startsWith('POST ') &&
        !steps.test(r.route) &&
        (r.roles as string[] | undefined)?.some(
          (role) => role === 'qa-qp' || role === 'operator',
        ) &&
        !(r.route in RECORD_OPERATION_ROUTES),
    );
    // A user's own password, and the two verifications that recompute hashes and change nothing.
    expect(unchecked.map((r) => r.route).sort()).toEqual([
      'POST /api/auth/password',
      'POST /api/integrity/verify',
      'POST /api/ledger/verify',
    ]);
  });
});
