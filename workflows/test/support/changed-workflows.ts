// A deliberately changed copy of the journey and the custody leg for the negative replay
// test: each schedules an extra activity before the real one starts, which recorded histories
// do not contain.
import { proxyActivities } from '@temporalio/workflow';
import type {
  CustodyLegInput,
  CustodyLegResult,
  JourneyInput,
  JourneyView,
  ProductionActivities,
} from '@v2v/contracts';
import { custodyLeg as originalLeg } from '../../src/custody-leg.workflow';
import { patientJourney as original } from '../../src/journey.workflow';

const { getProductSpecification } = proxyActivities<ProductionActivities>({
  startToCloseTimeout: '1m',
});

export async function patientJourney(input: JourneyInput): Promise<JourneyView> {
  await getProductSpecification({ productCode: 'CHANGED' });
  return original(input);
}

// A recorded custody leg's history (QA-04's excursion budget) must fail with the same change.
export async function custodyLeg(input: CustodyLegInput): Promise<CustodyLegResult> {
  await getProductSpecification({ productCode: 'CHANGED' });
  return originalLeg(input);
}
