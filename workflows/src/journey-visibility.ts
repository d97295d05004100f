import { upsertMemo, upsertSearchAttributes } from '@temporalio/workflow';
import {
  DonorCodeKey,
  InstitutionIdKey,
  JourneyStageKey,
  ProductCodeKey,
} from '@v2v/contracts/workflow';
import type { JourneyState } from './journey-state';

/** Keeps Temporal UI's view of the journey current: search attributes and memo. */
export function publishJourneyVisibility(state: JourneyState): void {
  upsertSearchAttributes([
    { key: DonorCodeKey, value: state.input.donorCode },
    { key: InstitutionIdKey, value: state.input.order.institutionId },
    { key: ProductCodeKey, value: state.input.order.productCode },
    { key: JourneyStageKey, value: state.stage },
  ]);
  upsertMemo({
    donorCode: state.input.donorCode,
    stage: state.stage,
    productSpecificationVersion: state.specification?.version,
    openDeviations: state.deviations.length,
  });
}
