import { CUSTODY_LEGS } from '../custody/temperature-telemetry';
import { CUSTODY_EVENT_TYPES } from '../events/custody-events';
import {
  JOURNEY_STEP_RECORDS,
  StepLegEffect,
  stepLegEffects,
  StepRecordSpec,
  stepReleaseEffect,
} from './journey-step-records';
import { JOURNEY_STEP_NAMES, JourneyStep } from './journey-steps';

const entries = Object.entries(JOURNEY_STEP_RECORDS) as Array<[JourneyStep, StepRecordSpec]>;

/** Decisions with two outcomes share one record, so a repeat under its event id is one kind. */
const SHARED_RECORD_TYPES: Record<string, JourneyStep[]> = {
  'material-disposition': ['releaseMaterial', 'rejectMaterial'],
  'release-decision': ['releaseBatch', 'rejectBatch'],
};

describe('journey step record table', () => {
  it('has an entry for every journey step and no other', () => {
    expect(Object.keys(JOURNEY_STEP_RECORDS).sort()).toEqual([...JOURNEY_STEP_NAMES].sort());
  });

  it('QA-02 gates the release and the shipment, in the order of the journey', () => {
    const order = JOURNEY_STEP_NAMES;
    const stepOf = (kind: string) =>
      entries.filter(([, s]) => s.releaseEffect?.kind === kind).map(([step]) => step);
    expect(stepOf('start-release')).toEqual(['completeProduction']);
    expect(stepOf('release')).toEqual(['releaseBatch']);
    expect(stepOf('ship')).toEqual(['shipToSite']);
    expect(order.indexOf('completeProduction')).toBeLessThan(order.indexOf('releaseBatch'));
    expect(order.indexOf('releaseBatch')).toBeLessThan(order.indexOf('shipToSite'));
    expect(stepReleaseEffect('recordQcResult')).toEqual({ kind: 'gates-changed' });
  });

  it('gives every step its own custody event type, one the ledger knows', () => {
    const messageTypes = entries.map(([, spec]) => spec.messageType);
    expect(new Set(messageTypes).size).toBe(messageTypes.length);
    for (const type of messageTypes) expect(CUSTODY_EVENT_TYPES).toContain(type);
  });

  it('gives every step its own record type, except the two-outcome decisions', () => {
    const byRecordType = new Map<string, JourneyStep[]>();
    for (const [step, spec] of entries)
      byRecordType.set(spec.recordType, [...(byRecordType.get(spec.recordType) ?? []), step]);
    for (const [recordType, steps] of byRecordType) {
      if (steps.length > 1) expect(steps.sort()).toEqual(SHARED_RECORD_TYPES[recordType]?.sort());
    }
    for (const [recordType, steps] of Object.entries(SHARED_RECORD_TYPES)) {
      const owners = steps.map((s) => JOURNEY_STEP_RECORDS[s].owner);
      expect(new Set(owners).size).toBe(1);
      expect(byRecordType.get(recordType)).toBeDefined();
    }
  });

  it('pairs every custody leg: one step opens it, a later one of the same owner closes it', () => {
    const order = JOURNEY_STEP_NAMES;
    const effects = entries.flatMap(([step, s]) =>
      (s.legEffects ?? []).map((effect) => ({ step, owner: s.owner, effect })),
    );
    const legOf = (e: StepLegEffect) => ('leg' in e ? e.leg : undefined);
    const starts = effects.filter((e) => e.effect.kind === 'start-leg');
    const ends = effects.filter((e) => e.effect.kind === 'end-leg');
    expect(starts.map((s) => legOf(s.effect)).sort()).toEqual([...CUSTODY_LEGS].sort());
    expect(ends.map((e) => legOf(e.effect)).sort()).toEqual([...CUSTODY_LEGS].sort());
    for (const start of starts) {
      const end = ends.find((e) => legOf(e.effect) === legOf(start.effect))!;
      expect(order.indexOf(end.step)).toBeGreaterThan(order.indexOf(start.step));
      expect(end.owner).toBe(start.owner);
    }
  });

  it('GEN-01 times each leg by its own limits from the event its step reports, and starts follow-up only after the infusion', () => {
    expect(stepLegEffects('handOverToCourier')).toEqual([
      {
        kind: 'start-leg',
        leg: 'transport-to-factory',
        limits: 'transportToFactory',
        startsAt: 'handedOverAt',
      },
    ]);
    expect(stepLegEffects('shipToSite')).toEqual([
      {
        kind: 'start-leg',
        leg: 'shipment-to-site',
        limits: 'shipmentToSite',
        startsAt: 'shippedAt',
      },
    ]);
    const followUps = entries.filter(([, s]) =>
      s.legEffects?.some((e) => e.kind === 'start-follow-up'),
    );
    expect(followUps.map(([step]) => step)).toEqual(['recordInfusion']);
  });

  it('GEN-01 OTH-01 keeps the site legs: receipt to the thaw, then the thaw to the infusion', () => {
    expect(stepLegEffects('receiveAtSite')).toEqual([
      { kind: 'end-leg', leg: 'shipment-to-site', endsAt: 'receivedAt' },
      { kind: 'start-leg', leg: 'site-storage', limits: 'siteStorage', startsAt: 'receivedAt' },
    ]);
    expect(stepLegEffects('recordThaw')).toEqual([
      { kind: 'end-leg', leg: 'site-storage', endsAt: 'thawStartedAt' },
      {
        kind: 'start-leg',
        leg: 'thaw-to-infusion',
        limits: 'thawToInfusion',
        startsAt: 'thawCompletedAt',
      },
    ]);
    expect(stepLegEffects('recordInfusion')[0]).toEqual({
      kind: 'end-leg',
      leg: 'thaw-to-infusion',
      endsAt: 'infusedAt',
    });
  });
});

describe('manufacturing-slot effects', () => {
  it('books for the steps that need a slot and releases after those that end its use', () => {
    const effects = Object.fromEntries(
      entries.filter(([, s]) => s.slotEffect).map(([step, s]) => [step, s.slotEffect]),
    );
    expect(effects).toEqual({
      scheduleCollection: { kind: 'book', from: 'collection-date' },
      postponeCollection: { kind: 'book', from: 'collection-date' },
      rejectMaterial: { kind: 'release' },
      rejectFailedBatch: { kind: 'release' },
      remanufactureBatch: { kind: 'book', from: 'step-day' },
      cancelJourney: { kind: 'release' },
    });
  });
});
