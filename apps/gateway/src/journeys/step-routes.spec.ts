import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_ROLE, JOURNEY_STEP_NAMES, ROLES } from '@v2v/contracts';
import { PUBLIC_KEY, ROLES_KEY } from '../auth/roles.decorator';
import { GatewayModule } from '../gateway.module';
import { JourneyStepsController } from './journey-steps.controller';
import { STEP_ROUTES } from './step-routes';

type Controller = { name: string; prototype: object };

/** Every controller of a module and of the modules it imports, each once. */
function controllersOf(module: unknown, seen = new Set<unknown>()): Controller[] {
  const type = (module as { module?: unknown })?.module ?? module;
  if (!type || seen.has(type)) return [];
  seen.add(type);
  const own: Controller[] = Reflect.getMetadata('controllers', type as object) ?? [];
  const imports: unknown[] = Reflect.getMetadata('imports', type as object) ?? [];
  return [...own, ...imports.flatMap((imported) => controllersOf(imported, seen))];
}

// Every controller the gateway serves, as its feature modules declare them.
const CONTROLLERS = controllersOf(GatewayModule);

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

  it('CSV-03 PER-01 gives the admin role no GMP endpoint: only user administration and its own password', () => {
    for (const { roles } of Object.values(STEP_ROUTES)) expect(roles).not.toContain(ADMIN_ROLE);
    const admin = endpoints().filter((e) => e.roles?.includes(ADMIN_ROLE));
    for (const e of admin) {
      if (e.name === 'AuthController.password') expect(e.roles).toEqual([...ROLES]);
      else
        expect(e).toMatchObject({ name: /^UserAdministrationController\./, roles: [ADMIN_ROLE] });
    }
    expect(admin.map((e) => e.name)).toContain('UserAdministrationController.createUser');
  });

  it('declares on each step endpoint the roles of the step table', () => {
    for (const step of JOURNEY_STEP_NAMES) {
      expect(
        Reflect.getMetadata(
          ROLES_KEY,
          JourneyStepsController.prototype[step as keyof JourneyStepsController],
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
