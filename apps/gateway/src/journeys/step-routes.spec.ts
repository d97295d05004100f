import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JOURNEY_STEP_NAMES, ROLES } from '@v2v/contracts';
import { PUBLIC_KEY, ROLES_KEY } from '../auth/roles.decorator';
import { AuditController } from '../audit/audit.controller';
import { AuthController } from '../auth/auth.controller';
import { ExportsController } from '../exports/exports.controller';
import { SignaturesController } from '../signatures/signatures.controller';
import { OrdersController } from '../orders/orders.controller';
import { PublicHealthController } from '../public-health.controller';
import { RefusalsController } from '../refusals/refusals.controller';
import { TracesController } from '../traces/traces.controller';
import { JourneysController } from './journeys.controller';
import { STEP_ROUTES } from './step-routes';

const CONTROLLERS = [
  AuthController,
  OrdersController,
  JourneysController,
  TracesController,
  AuditController,
  ExportsController,
  SignaturesController,
  PublicHealthController,
  RefusalsController,
];

/** Method names of a controller, inherited ones included (the health controller inherits). */
function methodNames(prototype: object): string[] {
  const names = new Set<string>();
  for (let p = prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const name of Object.getOwnPropertyNames(p)) names.add(name);
  }
  return [...names];
}

function endpoints() {
  return CONTROLLERS.flatMap((controller) => {
    const prototype = controller.prototype as unknown as Record<string, object>;
    return methodNames(prototype)
      .filter(
        (name) =>
          name !== 'constructor' && Reflect.getMetadata('path', prototype[name]) !== undefined,
      )
      .map((name) => ({
        name: `${controller.name}.${name}`,
        roles: Reflect.getMetadata(ROLES_KEY, prototype[name]) as string[] | undefined,
        isPublic: Boolean(
          Reflect.getMetadata(PUBLIC_KEY, prototype[name]) ??
          Reflect.getMetadata(PUBLIC_KEY, controller),
        ),
      }));
  });
}

describe('gateway endpoints and roles', () => {
  it('gives every journey step exactly one route and at least one known role', () => {
    expect(Object.keys(STEP_ROUTES).sort()).toEqual([...JOURNEY_STEP_NAMES].sort());
    const routes = Object.values(STEP_ROUTES).map((r) => r.route);
    expect(new Set(routes).size).toBe(routes.length);
    for (const { roles } of Object.values(STEP_ROUTES)) {
      expect(roles.length).toBeGreaterThan(0);
      for (const role of roles) expect(ROLES).toContain(role);
    }
  });

  it('CSV-03 leaves no endpoint open: each declares roles, or is one of the public ones', () => {
    const all = endpoints();
    expect(all.length).toBeGreaterThan(JOURNEY_STEP_NAMES.length);
    const open = all.filter((e) => !e.isPublic && !(e.roles && e.roles.length > 0));
    expect(open).toEqual([]);
    expect(
      all
        .filter((e) => e.isPublic)
        .map((e) => e.name)
        .sort(),
    ).toEqual(['AuthController.login', 'PublicHealthController.check']);
  });

  it('declares on each step endpoint the roles of the step table', () => {
    for (const step of JOURNEY_STEP_NAMES) {
      expect(
        Reflect.getMetadata(
          ROLES_KEY,
          JourneysController.prototype[step as keyof JourneysController],
        ),
      ).toEqual(STEP_ROUTES[step].roles);
    }
  });
});

describe('docs/roles.md', () => {
  it('lists every step endpoint with the roles the code declares', () => {
    const doc = readFileSync(path.resolve(__dirname, '../../../../docs/roles.md'), 'utf8');
    for (const [step, { route, roles }] of Object.entries(STEP_ROUTES)) {
      expect(doc).toContain(
        `| \`POST /api/journeys/{donorCode}/${route}\` | ${step} | ${roles.join(', ')} |`,
      );
    }
  });
});
