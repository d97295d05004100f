import type { JourneyStep } from './journey-steps';
import { STEP_PAYLOAD_SCHEMAS, stepPayloadSchema } from './step-payloads';

const DAY_MS = 86_400_000;
const DONOR_CODE = 'A99991500000200K';
const receivedAt = Date.parse('2026-12-01T10:00:00Z');
const ago = (ms: number) => new Date(receivedAt - ms).toISOString();
const threeDaysAhead = new Date(receivedAt + 3 * DAY_MS).toISOString();

/** One valid body per step that carries an event time, times an hour before receipt. */
const bodies = {
  recordDonorScreening: {
    sampledAt: ago(7 * DAY_MS),
    results: [{ marker: 'HIV', result: 'negative', method: 'CLIA' }],
    eligibilityConfirmed: true,
  },
  recordCollection: {
    collectedAt: ago(3_600_000),
    volumeMl: 180,
    bagLot: 'BAG-1',
    collectionOperator: 'Nurse Li Na',
  },
  recordPostCollectionStorage: {
    storedFrom: ago(3_600_000),
    storedUntil: ago(1_800_000),
    minTemperatureC: 4,
    maxTemperatureC: 6,
    location: 'R2',
  },
  handOverToCourier: {
    handedOverAt: ago(1_800_000),
    courier: 'ColdChain Express',
    shipperId: 'SHIPPER-1',
    packageId: 'PKG-1',
  },
  recordMaterialReceipt: {
    receivedAt: ago(60_000),
    labelScan: DONOR_CODE,
    packagingIntact: true,
    label: { collectedAt: ago(3_600_000) },
    storageUnitId: 'COLD-01',
  },
  recordQcResult: {
    results: [
      {
        testCode: 'viability',
        value: 91,
        unit: '%',
        method: '7-AAD',
        instrumentId: 'QC-1',
        sampleId: 'QCS-1',
        testedAt: ago(60_000),
      },
    ],
  },
  shipToSite: { shippedAt: ago(3_600_000), courier: 'ColdChain Express', shipperId: 'LN2-1' },
  receiveAtSite: {
    receivedAt: ago(60_000),
    labelScan: DONOR_CODE,
    inspection: {
      outerPackagingIntact: true,
      containerIntact: true,
      labelPresent: true,
      labelLegible: true,
    },
  },
  recordThaw: {
    thawStartedAt: ago(2_400_000),
    thawCompletedAt: ago(1_900_000),
    bathTemperatureC: 37,
    methodNote: 'water bath, bag in an overwrap',
  },
  recordInfusion: {
    infusedAt: ago(1_800_000),
    infusionEndedAt: ago(60_000),
    verifications: ['nurse-wang', 'dr-zhou'].map((clinician) => ({
      clinician,
      labelScan: DONOR_CODE,
      patientReference: 'PAT-1',
      scannedAt: ago(1_900_000),
    })),
    volumeMl: 68,
    dose: { value: 1.1e8, unit: 'CAR+ viable T cells' },
    administeredBy: 'Nurse Wang Fang',
  },
};

/** Each step's event time fields, by path, as the check where written names them. */
const eventTimes: Array<[keyof typeof bodies, string]> = [
  ['recordDonorScreening', 'sampledAt'],
  ['recordCollection', 'collectedAt'],
  ['recordPostCollectionStorage', 'storedFrom'],
  ['recordPostCollectionStorage', 'storedUntil'],
  ['handOverToCourier', 'handedOverAt'],
  ['recordMaterialReceipt', 'receivedAt'],
  ['recordMaterialReceipt', 'label.collectedAt'],
  ['recordQcResult', 'results.0.testedAt'],
  ['shipToSite', 'shippedAt'],
  ['receiveAtSite', 'receivedAt'],
  ['recordThaw', 'thawStartedAt'],
  ['recordThaw', 'thawCompletedAt'],
  ['recordInfusion', 'infusedAt'],
  ['recordInfusion', 'infusionEndedAt'],
  ['recordInfusion', 'verifications.1.scannedAt'],
];

/** The body with the value at `path` replaced. */
function withTime(body: object, path: string, value: string): object {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce((node, key) => node[key] as Record<string, unknown>, copy);
  parent[last] = value;
  return copy;
}

const issuesOf = (step: JourneyStep, body: object, at = receivedAt) => {
  const result = stepPayloadSchema(step, at).safeParse(body);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('event times of the step payloads (GEN-01)', () => {
  it('GEN-01 accepts every step body whose event times lie before its receipt', () => {
    for (const [step, body] of Object.entries(bodies))
      expect({ step, issues: issuesOf(step as JourneyStep, body) }).toEqual({ step, issues: [] });
  });

  it.each(eventTimes)(
    'GEN-01 refuses %s with %s three days after receipt, naming the field',
    (step, path) => {
      expect(issuesOf(step, withTime(bodies[step], path, threeDaysAhead))).toEqual([
        {
          path,
          message: `implausible instant: ${threeDaysAhead} is more than 5 minutes after receipt (2026-12-01T10:00:00.000Z) (GEN-01)`,
        },
      ]);
    },
  );

  it.each(eventTimes)('GEN-01 refuses %s with %s before 2000', (step, path) => {
    expect(issuesOf(step, withTime(bodies[step], path, '1999-12-31T23:59:59Z'))).toEqual([
      {
        path,
        message:
          'implausible instant: 1999-12-31T23:59:59Z is before 2000-01-01T00:00:00Z (GEN-01)',
      },
    ]);
  });

  it('GEN-01 allows an event time within the clock skew after receipt', () => {
    const skewed = new Date(receivedAt + 4 * 60_000).toISOString();
    expect(
      issuesOf('recordCollection', { ...bodies.recordCollection, collectedAt: skewed }),
    ).toEqual([]);
  });

  it('GEN-01 judges against the receipt, not the clock of a later check (a retried activity)', () => {
    // Accepted by the journey in June 2020, checked again by a retry years later.
    const acceptedAt = Date.parse('2020-06-01T10:00:00Z');
    const collection = (collectedAt: string) => ({ ...bodies.recordCollection, collectedAt });
    const issues = issuesOf('recordCollection', collection('2020-06-04T10:00:00Z'), acceptedAt);
    expect(issues.map((i) => i.path)).toEqual(['collectedAt']);
    expect(issuesOf('recordCollection', collection('2020-06-01T09:00:00Z'), acceptedAt)).toEqual(
      [],
    );
  });

  it('GEN-01 checks event times at the edge against the moment of receipt', () => {
    const edge = STEP_PAYLOAD_SCHEMAS.recordCollection;
    const now = Date.now();
    const at = (ms: number) => ({
      ...bodies.recordCollection,
      collectedAt: new Date(now + ms).toISOString(),
    });
    expect(edge.safeParse(at(-60_000)).success).toBe(true);
    const refused = edge.safeParse(at(3 * DAY_MS));
    expect(refused.error?.issues.map((i) => i.path.join('.'))).toEqual(['collectedAt']);
    expect(refused.error?.issues[0].message).toMatch(/after receipt .*\(GEN-01\)$/);
  });

  it('GEN-01 leaves planned days free to lie ahead: a collection date, a manufacturing slot', () => {
    const nextYear = new Date(receivedAt + 365 * DAY_MS).toISOString().slice(0, 10);
    const planned = { collectionDate: nextYear, manufacturingSlot: nextYear };
    expect(issuesOf('scheduleCollection', planned)).toEqual([]);
    expect(issuesOf('postponeCollection', { ...planned, reason: 'patient unfit' })).toEqual([]);
  });
});

describe('the bedside check in the infusion record (OTH-02, TRC-03)', () => {
  it('OTH-02 refuses the single-scan payload of earlier records for a new infusion', () => {
    const single = { infusedAt: ago(60_000), bedsideScan: DONOR_CODE, patientReference: 'PAT-1' };
    expect(issuesOf('recordInfusion', single).map((i) => i.path)).toEqual(
      expect.arrayContaining(['verifications', 'infusionEndedAt', '']),
    );
  });

  it('OTH-02 takes exactly two verifications, each with its label scan checked (TRC-02)', () => {
    const [first] = bodies.recordInfusion.verifications;
    expect(
      issuesOf('recordInfusion', { ...bodies.recordInfusion, verifications: [first] }).map(
        (i) => i.path,
      ),
    ).toEqual(['verifications']);
    const wrongCheck = { ...first, labelScan: 'A99991500000200X' };
    expect(
      issuesOf('recordInfusion', {
        ...bodies.recordInfusion,
        verifications: [first, wrongCheck],
      }).map((i) => i.path),
    ).toEqual(['verifications.1.labelScan']);
  });

  it('refuses a use record whose infusion ends before it started', () => {
    expect(
      issuesOf('recordInfusion', {
        ...bodies.recordInfusion,
        infusionEndedAt: ago(3_600_000),
      }),
    ).toEqual([{ path: 'infusionEndedAt', message: 'the infusion cannot end before it started' }]);
  });
});

describe('the thaw at the site (OTH-01)', () => {
  it('OTH-01 refuses a thaw completed before it started, naming the completion', () => {
    const body = { ...bodies.recordThaw, thawCompletedAt: ago(3_000_000) };
    expect(issuesOf('recordThaw', body)).toEqual([
      {
        path: 'thawCompletedAt',
        message: 'the thaw cannot be completed before it started (OTH-01)',
      },
    ]);
  });

  it('OTH-01 refuses a bath temperature outside 0–45 °C and a thaw without its method', () => {
    const body = { ...bodies.recordThaw, bathTemperatureC: 60, methodNote: ' ' };
    expect(issuesOf('recordThaw', body).map((i) => i.path)).toEqual([
      'bathTemperatureC',
      'methodNote',
    ]);
  });
});

describe('the receipt inspection at the site (QA-04, TRC-03)', () => {
  const receipt = bodies.receiveAtSite;

  it('QA-04 refuses a receipt without its inspection', () => {
    const bare = { receivedAt: receipt.receivedAt, labelScan: receipt.labelScan };
    expect(issuesOf('receiveAtSite', bare).map((i) => i.path)).toEqual(['inspection']);
  });

  it('QA-04 requires a note when an inspection item fails', () => {
    const damaged = { ...receipt, inspection: { ...receipt.inspection, containerIntact: false } };
    expect(issuesOf('receiveAtSite', damaged)).toEqual([
      { path: 'inspection.note', message: expect.stringContaining('(QA-04)') },
    ]);
    const noted = { ...damaged, inspection: { ...damaged.inspection, note: 'bag cracked' } };
    expect(issuesOf('receiveAtSite', noted)).toEqual([]);
  });

  it('TRC-03 requires the scan of a present, legible label; a lost one cannot be scanned', () => {
    const unscanned = { receivedAt: receipt.receivedAt, inspection: receipt.inspection };
    expect(issuesOf('receiveAtSite', unscanned).map((i) => i.path)).toEqual(['labelScan']);
    const lost = {
      ...unscanned,
      inspection: { ...receipt.inspection, labelPresent: false, note: 'no label on the bag' },
    };
    expect(issuesOf('receiveAtSite', lost)).toEqual([]);
  });
});
