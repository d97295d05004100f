import { TestWorkflowEnvironment } from '@temporalio/testing';
import { journeyViewQuery } from '@v2v/contracts';
import { bundleJourneyWorkflows } from '../src/worker/workflow-bundle';
import { timeSkippingEnvironment } from './support/environments';
import { payloadFor, sendStep, startJourney } from './support/journey-driver';
import { MockServices, startWorkers } from './support/mock-services';

const HOUR_MS = 3_600_000;
let env: TestWorkflowEnvironment;
let services: MockServices;
let stopWorkers: () => Promise<void>;

beforeAll(async () => {
  env = await timeSkippingEnvironment();
  services = new MockServices();
  stopWorkers = await startWorkers(
    env.nativeConnection,
    env.namespace ?? 'default',
    await bundleJourneyWorkflows(),
    services,
  );
});

afterAll(async () => {
  await stopWorkers?.();
  await env?.teardown();
});

describe('a journey through a service outage (time skipping)', () => {
  it('waits out five hours of production being down for its specification, then proceeds', async () => {
    const outageEnds = (await env.currentTimeMs()) + 5 * HOUR_MS;
    services.specificationOutage(outageEnds);
    const handle = await startJourney(env.client);
    const code = handle.workflowId.slice('journey-'.length);

    await env.sleep('4h');
    const attemptsDuringOutage = services
      .callsOf('getProductSpecification')
      .filter((c) => (c.input as { productCode: string }).productCode === 'CART-CD19');
    expect(attemptsDuringOutage.length).toBeGreaterThan(0);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    expect((await handle.query(journeyViewQuery)).productSpecificationVersion).toBe(0);

    await env.sleep('2h');
    const view = await handle.query(journeyViewQuery);
    expect(view.productSpecificationVersion).toBe(1);
    const screened = await sendStep(
      handle,
      'recordDonorScreening',
      payloadFor('recordDonorScreening', code),
    );
    expect(screened.stage).toBe('donor-screened');
    expect((await handle.describe()).status.name).toBe('RUNNING');
  });
});
