// A deliberately changed copy of the journey for the negative replay test: it schedules an
// extra activity before the real journey starts, which recorded histories do not contain.
import { proxyActivities } from '@temporalio/workflow';
import type { JourneyInput, JourneyView, ProductionActivities } from '@v2v/contracts';
import { patientJourney as original } from '../../src/journey.workflow';

export { custodyLeg } from '../../src/custody-leg.workflow';

const { getProductSpecification } = proxyActivities<ProductionActivities>({
  startToCloseTimeout: '1m',
});

export async function patientJourney(input: JourneyInput): Promise<JourneyView> {
  await getProductSpecification({ productCode: 'CHANGED' });
  return original(input);
}
