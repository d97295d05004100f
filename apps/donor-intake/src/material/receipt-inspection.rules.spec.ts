import { CART_CD19_V1 } from '@v2v/contracts';
import { inspectReceipt, ReceiptFacts } from './receipt-inspection.rules';

const spec = { ...CART_CD19_V1, productCode: 'CART-CD19', version: 1 };
const at = (hours: number) =>
  new Date(Date.parse('2026-12-01T08:00:00Z') + hours * 3_600_000).toISOString();
const readings = (from: number, to: number, temperatureC = 5) => {
  const list = [];
  for (let h = from; h <= to; h += 0.25) list.push({ at: at(h), temperatureC });
  return list;
};

function facts(change: Partial<ReceiptFacts> = {}): ReceiptFacts {
  return {
    specification: spec,
    institution: { name: 'Shanghai Ruijin Hospital' },
    collection: { collectedAt: at(0), volumeMl: 180 },
    postCollectionStorage: {
      storedFrom: at(0),
      storedUntil: at(1),
      minTemperatureC: 4,
      maxTemperatureC: 6,
    },
    handOver: { handedOverAt: at(1) },
    transportReadings: readings(1, 16),
    transportDeviations: [],
    screening: { markers: ['HIV', 'HBV', 'HCV', 'syphilis'] },
    receipt: {
      receivedAt: at(16),
      labelScan: 'x',
      packagingIntact: true,
      label: { collectedAt: at(0), volumeMl: 180 },
      storageUnitId: 'COLD-01',
    },
    ...change,
  };
}

const failedItems = (f: ReceiptFacts) =>
  inspectReceipt(f)
    .items.filter((i) => !i.passed)
    .map((i) => i.item);

describe('receipt inspection of a donor material unit', () => {
  it('DON-04 accepts a unit that passes all six checks', () => {
    expect(inspectReceipt(facts())).toMatchObject({ outcome: 'accepted' });
    expect(failedItems(facts())).toEqual([]);
  });

  it('DON-04.1 quarantines a unit from an institution no longer approved', () => {
    const result = inspectReceipt(
      facts({
        institution: {
          name: 'X',
          refusal: 'institution INST-009 is suspended, not approved (DON-02)',
        },
      }),
    );
    expect(result.outcome).toBe('quarantined');
    expect(result.items.find((i) => i.item === 'DON-04.1')).toMatchObject({
      passed: false,
      reason: expect.stringContaining('suspended'),
    });
  });

  it('DON-04.2 quarantines a unit whose transport took longer than the limit', () => {
    expect(
      failedItems(
        facts({
          receipt: { ...facts().receipt, receivedAt: at(60) },
          transportReadings: readings(1, 60),
        }),
      ),
    ).toEqual(['DON-04.2']);
  });

  it('DON-04.2 quarantines a unit with a temperature reading out of range', () => {
    expect(
      failedItems(facts({ transportReadings: [...readings(1, 8), ...readings(8.25, 16, 11)] })),
    ).toEqual(['DON-04.2']);
  });

  it('DON-04.2 quarantines a unit whose temperature record has a gap', () => {
    expect(
      failedItems(facts({ transportReadings: [...readings(1, 4), ...readings(10, 16)] })),
    ).toEqual(['DON-04.2']);
  });

  it('DON-04.2 quarantines a unit without the post-collection storage record the specification requires', () => {
    expect(failedItems(facts({ postCollectionStorage: undefined }))).toEqual(['DON-04.2']);
  });

  it('DON-04.2 quarantines a unit whose leg raised a deviation', () => {
    expect(
      failedItems(
        facts({
          transportDeviations: ['transport-to-factory exceeded its 48 h time limit (GEN-01)'],
        }),
      ),
    ).toEqual(['DON-04.2']);
  });

  it('DON-04.3 quarantines a unit with damaged packaging', () => {
    expect(failedItems(facts({ receipt: { ...facts().receipt, packagingIntact: false } }))).toEqual(
      ['DON-04.3'],
    );
  });

  it('DON-04.4 quarantines a unit whose label contradicts the collection record', () => {
    expect(
      failedItems(
        facts({ receipt: { ...facts().receipt, label: { collectedAt: at(0), volumeMl: 150 } } }),
      ),
    ).toEqual(['DON-04.4']);
  });

  it('DON-04.4 accepts label fields reachable through the system from the code', () => {
    expect(failedItems(facts({ receipt: { ...facts().receipt, label: {} } }))).toEqual([]);
  });

  it('DON-04.5 quarantines a unit without a collection record', () => {
    expect(failedItems(facts({ collection: undefined }))).toContain('DON-04.5');
  });

  it('DON-04.6 quarantines a unit without screening results for every required marker', () => {
    expect(failedItems(facts({ screening: { markers: ['HIV', 'HBV', 'HCV'] } }))).toEqual([
      'DON-04.6',
    ]);
    expect(failedItems(facts({ screening: undefined }))).toEqual(['DON-04.6']);
  });
});
