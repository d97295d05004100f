import { differencesFromControl } from './crash-checks';

describe('a journey under faults against the reference run without faults', () => {
  const reference = new Map([
    ['ledger donor.screened.v1', 1],
    ['production step record startProduction', 1],
    ['gateway audit electronic-signature create', 3],
    ['gateway outbox temperature-readings.recorded.v1', 1],
  ]);

  it('names a fact doubled and a fact lost, and nothing where the counts agree', () => {
    const journeys = new Map([
      ['A', new Map(reference)],
      [
        'B',
        new Map([
          ['ledger donor.screened.v1', 2],
          ['gateway audit electronic-signature create', 3],
          ['gateway outbox temperature-readings.recorded.v1', 1],
          ['donor_intake set aside donor-intake-telemetry', 1],
        ]),
      ],
    ]);
    expect(differencesFromControl(reference, journeys)).toEqual([
      { donorCode: 'B', kind: 'ledger donor.screened.v1', expected: 1, found: 2 },
      { donorCode: 'B', kind: 'production step record startProduction', expected: 1, found: 0 },
      {
        donorCode: 'B',
        kind: 'donor_intake set aside donor-intake-telemetry',
        expected: 0,
        found: 1,
      },
    ]);
  });

  it('lets through, with the reason, what a retry may add: a signature, a re-accepted upload', () => {
    const journeys = new Map([
      [
        'C',
        new Map([
          ...reference,
          ['gateway audit electronic-signature create', 4],
          ['gateway outbox temperature-readings.recorded.v1', 2],
        ]),
      ],
    ]);
    expect(differencesFromControl(reference, journeys)).toEqual([
      expect.objectContaining({
        kind: 'gateway audit electronic-signature create',
        allowed: 'a retried signed decision seals another signature',
      }),
      expect.objectContaining({
        kind: 'gateway outbox temperature-readings.recorded.v1',
        allowed: 'a logger upload retried after its answer was lost is accepted again',
      }),
    ]);
    // Only the gateway's upload events: a step's doubled event in a service is no retry's.
    const doubled = new Map([
      ['C', new Map([...reference, ['release outbox product.thawed.v1', 2]])],
    ]);
    expect(differencesFromControl(reference, doubled)[0]).not.toHaveProperty('allowed');
  });
});
