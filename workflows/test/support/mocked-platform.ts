import { TestWorkflowEnvironment } from '@temporalio/testing';
import { MockServices, startWorkers } from './mock-services';
import { journeyTestBundle } from './workflow-bundle-file';

export interface MockedPlatform {
  env: TestWorkflowEnvironment;
  services: MockServices;
}

/**
 * For the calling test file: a Temporal test server, the journey worker on the real workflow
 * bundle (built once for the tier), and one worker per service queue running the mocked
 * activities, started before the file's tests and stopped after them. Read `env` and
 * `services` inside the tests.
 */
export function useMockedPlatform(
  environment: () => Promise<TestWorkflowEnvironment>,
  configure: (services: MockServices) => void = () => undefined,
): MockedPlatform {
  const platform = {} as MockedPlatform;
  let stopWorkers: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    platform.env = await environment();
    platform.services = new MockServices();
    configure(platform.services);
    stopWorkers = await startWorkers(
      platform.env.nativeConnection,
      platform.env.namespace ?? 'default',
      journeyTestBundle(),
      platform.services,
    );
  });
  afterAll(async () => {
    await stopWorkers?.();
    await platform.env?.teardown();
  });
  return platform;
}
