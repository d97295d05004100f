import { journeyViewQuery } from '@v2v/contracts';
import { timeSkippingEnvironment } from './support/environments';
import { payloadFor, sendStep, startJourney } from './support/journey-driver';
import { useMockedPlatform } from './support/mocked-platform';

const HOUR_MS = 3_600_000;
const platform = useMockedPlatform(timeSkippingEnvironment);

describe('a journey through a service outage (time skipping)', () => {
  it('waits out five hours of production being down for its specification, then proceeds', async () => {
    const outageEnds = (await platform.env.currentTimeMs()) + 5 * HOUR_MS;
    platform.services.specificationOutage(outageEnds);
    const handle = await startJourney(platform.env.client);
    const code = handle.workflowId.slice('journey-'.length);

    await platform.env.sleep('4h');
    const attemptsDuringOutage = platform.services
      .callsOf('getProductSpecification')
      .filter((c) => (c.input as { productCode: string }).productCode === 'CART-CD19');
    expect(attemptsDuringOutage.length).toBeGreaterThan(0);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    expect((await handle.query(journeyViewQuery)).productSpecificationVersion).toBe(0);

    await platform.env.sleep('2h');
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
