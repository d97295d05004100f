import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { SERVICE_PORTS } from '@v2v/service-kit';
import { CONSOLE_PORT } from '../../tools/platform/console-process';

// No Docker engine runs here, so the deployment file is checked by reading it.
const ROOT = path.resolve(__dirname, '../..');
const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });
const services: Record<
  string,
  {
    image?: string;
    command?: string[];
    environment?: Record<string, string>;
    ports?: string[];
    depends_on?: object;
    profiles?: string[];
    volumes?: string[];
  }
> = compose.services;

const APPS = {
  'journey-worker': 'workflows/src/worker/main.ts',
  'donor-intake': 'apps/donor-intake/src/main.ts',
  production: 'apps/production/src/main.ts',
  release: 'apps/release/src/main.ts',
  traceability: 'apps/traceability/src/main.ts',
  gateway: 'apps/gateway/src/main.ts',
};

describe('docker-compose.yml (multi-host deployment)', () => {
  it('runs the infrastructure: Temporal on PostgreSQL with its UI, Kafka, PostgreSQL', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(['postgresql', 'temporal', 'temporal-ui', 'kafka', 'migrate']),
    );
    expect(services.temporal.environment).toMatchObject({
      DB: 'postgres12',
      POSTGRES_SEEDS: 'postgresql',
    });
    expect(services['temporal-ui'].ports).toEqual(['127.0.0.1:8233:8080']);
    expect(services['temporal-ui'].environment).toMatchObject({
      TEMPORAL_DISABLE_WRITE_ACTIONS: 'true',
    });
    expect(services.kafka.environment).toMatchObject({
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
    });
  });

  it.each(Object.entries(APPS))('runs %s from its real entry point', (name, entry) => {
    const service = services[name];
    expect(service).toBeDefined();
    expect(service.command).toContain(entry);
    expect(existsSync(path.join(ROOT, entry))).toBe(true);
  });

  it.each(Object.keys(APPS))('wires %s to the three servers by environment', (name) => {
    const env = services[name].environment ?? {};
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\/v2v_app:.*@postgresql:5432\/v2v$/);
    expect(env.KAFKA_BROKERS).toBe('kafka:9092');
    expect(env.TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(services[name].depends_on).toHaveProperty('migrate');
  });

  it('runs migrations as the schema owner and the services as their own lesser role', () => {
    expect(services.migrate.environment?.MIGRATION_DATABASE_URL).toMatch(
      /^postgres:\/\/v2v:.*@postgresql:5432\/v2v$/,
    );
    const volumes = (services.postgresql as { volumes?: string[] }).volumes ?? [];
    const init = volumes.find((v) => v.includes('docker-entrypoint-initdb.d'));
    expect(init).toBeDefined();
    expect(readFileSync(path.join(ROOT, init!.split(':')[0]), 'utf8')).toContain(
      'CREATE ROLE v2v_app',
    );
  });

  it('publishes the gateway and points it at every internal service on its port', () => {
    const gateway = services.gateway;
    expect(gateway.ports).toContain(`${SERVICE_PORTS.gateway}:${SERVICE_PORTS.gateway}`);
    expect(gateway.environment).toMatchObject({
      DONOR_INTAKE_URL: `http://donor-intake:${SERVICE_PORTS.donorIntake}`,
      PRODUCTION_URL: `http://production:${SERVICE_PORTS.production}`,
      RELEASE_URL: `http://release:${SERVICE_PORTS.release}`,
      TRACEABILITY_URL: `http://traceability:${SERVICE_PORTS.traceability}`,
    });
    expect(gateway.environment?.JWT_SECRET).toBeDefined();
  });

  it('publishes the gateway and the console only: no Temporal frontend, Kafka, PostgreSQL or internal service port', () => {
    const published = Object.entries(services)
      .filter(([, service]) => service.ports?.length)
      .map(([name, service]) => ({ name, ports: service.ports }));
    expect(published).toEqual([
      { name: 'temporal-ui', ports: ['127.0.0.1:8233:8080'] },
      { name: 'gateway', ports: [`${SERVICE_PORTS.gateway}:${SERVICE_PORTS.gateway}`] },
      { name: 'console', ports: [`${CONSOLE_PORT}:${CONSOLE_PORT}`] },
      { name: 'jaeger', ports: ['127.0.0.1:16686:16686'] },
    ]);
  });

  it("serves the console's Vite build with nginx, /api forwarded to the gateway", () => {
    const consoleService = services.console as { build?: { context: string; target: string } };
    expect(consoleService.build).toEqual({ context: '.', target: 'console' });
    const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    const stage = (name: string) =>
      dockerfile.split(/^FROM /m).find((s) => / AS (\S+)\n/.exec(s)?.[1] === name);
    expect(stage('console-build')).toContain('cd apps/console && npx vite build');
    expect(stage('console')).toMatch(/^nginx:/);
    expect(stage('console')).toContain(
      'COPY tools/deploy/console-nginx.conf /etc/nginx/conf.d/default.conf',
    );
    expect(stage('console')).toContain(
      'COPY --from=console-build /app/dist/apps/console /usr/share/nginx/html',
    );
    const nginx = readFileSync(path.join(ROOT, 'tools/deploy/console-nginx.conf'), 'utf8');
    expect(nginx).toContain(`listen ${CONSOLE_PORT};`);
    expect(nginx).toContain(`set $gateway http://gateway:${SERVICE_PORTS.gateway};`);
    expect(nginx).toMatch(/location \/api\/ \{\s+proxy_pass \$gateway;/);
    expect(nginx).toContain('try_files $uri /index.html;');
  });

  it('builds every app from the image of the apps, the default target', () => {
    const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile.split(/^FROM /m).at(-1)).toMatch(/^node:\S+ AS app\n/);
    for (const name of [...Object.keys(APPS), 'migrate'])
      expect((services[name] as { build?: unknown }).build).toEqual({
        context: '.',
        target: 'app',
      });
  });

  it.each(Object.keys(APPS))(
    'leaves tracing off in %s unless the operator sets the endpoint',
    (name) => {
      expect(services[name].environment?.OTEL_EXPORTER_OTLP_ENDPOINT).toBe(
        '${OTEL_EXPORTER_OTLP_ENDPOINT:-}',
      );
    },
  );

  it('starts a collector and Jaeger with the tracing profile only, the collector passing OTLP to Jaeger', () => {
    const tracing = Object.entries(services)
      .filter(([, service]) => service.profiles?.includes('tracing'))
      .map(([name]) => name);
    expect(tracing).toEqual(['otel-collector', 'jaeger']);
    const mount = services['otel-collector'].volumes?.find((v) => v.endsWith(':ro'));
    const config = parse(readFileSync(path.join(ROOT, mount!.split(':')[0]), 'utf8'));
    expect(config.receivers.otlp.protocols.http.endpoint).toBe('0.0.0.0:4318');
    expect(config.exporters['otlp/jaeger'].endpoint).toBe('jaeger:4317');
    expect(config.service.pipelines.traces).toMatchObject({
      receivers: ['otlp'],
      exporters: ['otlp/jaeger'],
    });
  });

  it.each(Object.keys(APPS))(
    'gives %s its secrets as required variables, none of them defaulted',
    (name) => {
      const env = services[name].environment ?? {};
      for (const secret of ['INTERNAL_SERVICE_TOKEN', 'SIGNATURE_SEAL_PUBLIC_KEY']) {
        expect(env[secret]).toBe(`\${${secret}:?set ${secret}}`);
      }
    },
  );

  it('gives the gateway its signing key as a required variable', () => {
    expect(services.gateway.environment?.SIGNATURE_SEAL_PRIVATE_KEY).toBe(
      '${SIGNATURE_SEAL_PRIVATE_KEY:?set SIGNATURE_SEAL_PRIVATE_KEY}',
    );
  });

  it('gives traceability its checkpoint signing key as a required variable', () => {
    expect(services.traceability.environment?.CHECKPOINT_SIGNING_PRIVATE_KEY).toBe(
      '${CHECKPOINT_SIGNING_PRIVATE_KEY:?set CHECKPOINT_SIGNING_PRIVATE_KEY}',
    );
  });

  it('builds an image that installs every workspace package', () => {
    const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    const packages = ['apps', 'libs']
      .flatMap((dir) => readdirSync(path.join(ROOT, dir)).map((name) => `${dir}/${name}`))
      .concat('workflows')
      .filter((p) => existsSync(path.join(ROOT, p, 'package.json')));
    for (const p of packages) expect(dockerfile).toContain(`COPY ${p}/package.json ${p}/`);
  });
});
