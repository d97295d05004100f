import { DomainError } from '../errors/domain-error';
import type { ProductSpecification } from './product-specification';
import { CART_CD19_V1 } from './reference-specification';
import { custodyLegLimits, requireThawWithinInstructions, siteThawRefusal } from './site-legs';

const specification: ProductSpecification = { ...CART_CD19_V1, productCode: 'CART', version: 1 };
const instructions = CART_CD19_V1.instructionsForUse;
const { maxMinutes } = instructions.thawing;

const thaw = (minutes: number) => ({
  thawStartedAt: '2026-12-21T09:00:00.000Z',
  thawCompletedAt: new Date(Date.parse('2026-12-21T09:00:00Z') + minutes * 60_000).toISOString(),
});

const refusalOf = (action: () => void) => {
  try {
    action();
  } catch (error) {
    return error instanceof DomainError ? { code: error.code, message: error.message } : error;
  }
  return undefined;
};

describe('site legs (GEN-01, OTH-01)', () => {
  it('GEN-01 holds site storage to the instructions for use: its hours and temperature range', () => {
    const { siteStorage } = instructions;
    expect(custodyLegLimits(specification, 'siteStorage')).toEqual({
      maxHours: siteStorage.maxHours,
      temperatureRange: {
        minTemperatureC: siteStorage.minTemperatureC,
        maxTemperatureC: siteStorage.maxTemperatureC,
      },
    });
  });

  it('GEN-01 times the thaw-to-infusion leg by its minutes, with no temperature range', () => {
    expect(custodyLegLimits(specification, 'thawToInfusion')).toEqual({
      maxHours: instructions.transferToBedside.maxMinutesFromThawToInfusion / 60,
    });
  });

  it('GEN-01 keeps the transport legs on their own limits, with their excursion budget', () => {
    expect(custodyLegLimits(specification, 'shipmentToSite')).toEqual({
      maxHours: CART_CD19_V1.shipmentToSite.maxHours,
      temperatureRange: {
        minTemperatureC: CART_CD19_V1.shipmentToSite.minTemperatureC,
        maxTemperatureC: CART_CD19_V1.shipmentToSite.maxTemperatureC,
      },
      excursionBudget: CART_CD19_V1.shipmentToSite.excursionBudget,
    });
  });

  it('QA-04 gives no budget for a transport leg of a version published before budgets', () => {
    const older = { ...specification.shipmentToSite, excursionBudget: undefined };
    const limits = custodyLegLimits({ ...specification, shipmentToSite: older }, 'shipmentToSite');
    expect(limits).not.toHaveProperty('excursionBudget');
    expect(custodyLegLimits(specification, 'siteStorage')).not.toHaveProperty('excursionBudget');
  });

  it('GEN-01 opens no site leg for a version without instructions for use', () => {
    const older: ProductSpecification = { ...specification, instructionsForUse: undefined };
    expect(custodyLegLimits(older, 'siteStorage')).toBeUndefined();
    expect(custodyLegLimits(older, 'thawToInfusion')).toBeUndefined();
  });

  it('OTH-01 accepts a thaw within the instructions for use', () => {
    expect(refusalOf(() => requireThawWithinInstructions(thaw(maxMinutes), instructions))).toBe(
      undefined,
    );
  });

  it('OTH-01 refuses a thaw longer than the instructions allow, naming both durations', () => {
    expect(
      refusalOf(() => requireThawWithinInstructions(thaw(maxMinutes + 1), instructions)),
    ).toEqual({
      code: 'OTH-01',
      message: `the thaw took ${maxMinutes + 1} min, longer than the ${maxMinutes} min the instructions for use allow (OTH-01)`,
    });
  });

  it('OTH-01 refuses a thaw of a version without instructions for use', () => {
    expect(refusalOf(() => requireThawWithinInstructions(thaw(1), undefined))).toEqual({
      code: 'OTH-01',
      message: 'the product specification version has no instructions for use to thaw by (OTH-01)',
    });
  });

  it('OTH-01 refuses the infusion before the thaw once the site storage leg was opened', () => {
    expect(siteThawRefusal('recordInfusion', { siteStorageOpened: true, thawed: false })).toEqual({
      reasonCode: 'STEP_OUT_OF_ORDER',
      message: 'the infusion needs the thaw recorded first, by the instructions for use (OTH-01)',
    });
    expect(siteThawRefusal('recordInfusion', { siteStorageOpened: true, thawed: true })).toBe(
      undefined,
    );
  });

  it('OTH-01 lets a journey received before the site legs existed infuse without a thaw', () => {
    expect(siteThawRefusal('recordInfusion', { siteStorageOpened: false, thawed: false })).toBe(
      undefined,
    );
  });

  it('OTH-01 refuses a second thaw', () => {
    expect(siteThawRefusal('recordThaw', { siteStorageOpened: true, thawed: true })).toEqual({
      reasonCode: 'STEP_OUT_OF_ORDER',
      message: 'the product is already thawed; a thaw is recorded once (OTH-01)',
    });
  });
});
