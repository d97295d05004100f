import type { ExcursionBudget } from '../custody/excursion-budget-schema';
import type { TemperatureRange } from '../custody/leg-telemetry';
import { DomainError } from '../errors/domain-error';
import type { InstructionsForUse } from './instructions-for-use';
import type { CustodyLegLimitKey } from './journey-step-records';
import type { ProductSpecification } from './product-specification';

const MINUTE_MS = 60_000;

/** What a custody leg is timed and kept within (GEN-01). */
export interface CustodyLegLimits {
  maxHours: number;
  temperatureRange?: TemperatureRange;
  /** QA-04: the transport legs' time-out-of-range budget, where the version has one. */
  excursionBudget?: ExcursionBudget;
}

/**
 * GEN-01, OTH-01: a leg's limits in the journey's pinned specification. The transport legs have
 * their own; the site legs take the instructions for use's figures: site storage its time and
 * temperature range, the way from the thaw to the infusion its time alone (the instructions give
 * no range for a thawed bag, and no logger travels with it to the bedside). Undefined for a
 * site leg of a version without instructions for use: such a product was shipped before they
 * were required, and its site has nothing to be held to. Only the transport legs have an
 * excursion budget (QA-04): no logger reports from site storage (its receipt names none).
 */
export function custodyLegLimits(
  specification: ProductSpecification,
  key: CustodyLegLimitKey,
): CustodyLegLimits | undefined {
  if (key === 'transportToFactory' || key === 'shipmentToSite') {
    const { maxHours, minTemperatureC, maxTemperatureC, excursionBudget } = specification[key];
    return {
      maxHours,
      temperatureRange: { minTemperatureC, maxTemperatureC },
      ...(excursionBudget ? { excursionBudget } : {}),
    };
  }
  const instructions = specification.instructionsForUse;
  if (!instructions) return undefined;
  if (key === 'siteStorage') {
    const { maxHours, minTemperatureC, maxTemperatureC } = instructions.siteStorage;
    return { maxHours, temperatureRange: { minTemperatureC, maxTemperatureC } };
  }
  return { maxHours: instructions.transferToBedside.maxMinutesFromThawToInfusion / 60 };
}

/**
 * OTH-01 (§12(1)): the thaw follows the instructions for use that travelled with the product:
 * from its start to a completely thawed bag within `thawing.maxMinutes`. A product whose
 * specification has no instructions cannot be thawed by them.
 */
export function requireThawWithinInstructions(
  thaw: { thawStartedAt: string; thawCompletedAt: string },
  instructions: InstructionsForUse | undefined,
): void {
  if (!instructions)
    throw new DomainError(
      'OTH-01',
      'the product specification version has no instructions for use to thaw by (OTH-01)',
    );
  const minutes = (Date.parse(thaw.thawCompletedAt) - Date.parse(thaw.thawStartedAt)) / MINUTE_MS;
  const { maxMinutes } = instructions.thawing;
  if (minutes > maxMinutes)
    throw new DomainError(
      'OTH-01',
      `the thaw took ${Math.round(minutes * 10) / 10} min, longer than the ${maxMinutes} min the instructions for use allow (OTH-01)`,
      { minutes, maxMinutes },
    );
}

/**
 * OTH-01, GEN-01: a journey whose site storage leg was opened infuses only after the thaw that
 * closed it, and thaws once. Journeys received before the site legs existed have none, and
 * infuse as they did.
 */
export function siteThawRefusal(
  step: 'recordThaw' | 'recordInfusion',
  journey: { siteStorageOpened: boolean; thawed: boolean },
): { reasonCode: 'STEP_OUT_OF_ORDER'; message: string } | undefined {
  if (step === 'recordThaw' && journey.thawed)
    return {
      reasonCode: 'STEP_OUT_OF_ORDER',
      message: 'the product is already thawed; a thaw is recorded once (OTH-01)',
    };
  if (step === 'recordInfusion' && journey.siteStorageOpened && !journey.thawed)
    return {
      reasonCode: 'STEP_OUT_OF_ORDER',
      message: 'the infusion needs the thaw recorded first, by the instructions for use (OTH-01)',
    };
  return undefined;
}
