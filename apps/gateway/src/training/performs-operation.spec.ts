import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import {
  GMP_OPERATION_NAMES,
  isRecordOperation,
  PEOPLE_ROLES,
  RECORD_OPERATIONS,
} from '@v2v/contracts';
import { ROLES_KEY } from '../auth/roles.decorator';
import { GatewayModule } from '../gateway.module';
import { STEP_ROUTES } from '../journeys/step-routes';
import { OPERATION_KEY } from './performs-operation.decorator';

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
        return {
          route: `${method} ${path}`,
          roles: (Reflect.getMetadata(ROLES_KEY, handler) ?? []) as string[],
          operation: Reflect.getMetadata(OPERATION_KEY, handler) as string | undefined,
        };
      });
  });
}

const rolesOf = (operation: string): readonly string[] =>
  isRecordOperation(operation)
    ? RECORD_OPERATIONS[operation].roles
    : STEP_ROUTES[operation as keyof typeof STEP_ROUTES].roles;

describe('GMP operations and the training matrix (PER-01)', () => {
  it('PER-01 has every GMP operation performed by an endpoint that declares the roles of the operation', () => {
    const all = routes();
    for (const operation of GMP_OPERATION_NAMES) {
      const endpoints = all.filter((r) => r.operation === operation);
      expect({ operation, endpoints: endpoints.length > 0 }).toEqual({
        operation,
        endpoints: true,
      });
      for (const e of endpoints)
        expect({ route: e.route, roles: e.roles }).toEqual({
          route: e.route,
          roles: [...rolesOf(operation)],
        });
    }
  });

  it('PER-01 leaves no write of a GMP role outside the training matrix', () => {
    const people: readonly string[] = PEOPLE_ROLES;
    const unchecked = routes().filter(
      (r) =>
        r.route.startsWith('POST ') &&
        !r.operation &&
        r.roles.some((role) => people.includes(role)),
    );
    // A user's own password, an order (it starts a journey whose every step is trained), by the
    // order route or as a FHIR ServiceRequest, and the two verifications that recompute hashes
    // and change nothing.
    expect(unchecked.map((r) => r.route).sort()).toEqual([
      'POST /api/auth/password',
      'POST /api/integrity/verify',
      'POST /api/ledger/verify',
      'POST /api/orders',
      'POST /fhir/r4/ServiceRequest',
    ]);
  });
});
