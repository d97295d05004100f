import { JOURNEY_STAGES, JourneyStage } from './journey-stage';
import {
  evaluateStep,
  JOURNEY_STEP_NAMES,
  JOURNEY_STEPS,
  JourneyStep,
  stageAfterStep,
} from './journey-steps';

const HAPPY_PATH: Array<[JourneyStep, JourneyStage]> = [
  ['recordDonorScreening', 'donor-screened'],
  ['scheduleCollection', 'collection-scheduled'],
  ['recordCollection', 'collected'],
  ['recordPostCollectionStorage', 'collected'],
  ['handOverToCourier', 'in-transit-to-factory'],
  ['recordMaterialReceipt', 'received'],
  ['releaseMaterial', 'material-released'],
  ['startProduction', 'in-production'],
  ['completeProduction', 'qc'],
  ['recordQcResult', 'release-review'],
  ['releaseBatch', 'released'],
  ['shipToSite', 'shipped'],
  ['receiveAtSite', 'received-at-site'],
  ['recordInfusion', 'infused'],
];

describe('journey stage transition table', () => {
  it('walks the happy path from ordered to infused', () => {
    let stage: JourneyStage = 'ordered';
    for (const [step, expected] of HAPPY_PATH) {
      const result = evaluateStep(stage, step);
      expect(result).toEqual({ allowed: true, to: expected });
      stage = expected;
    }
  });

  it('DON-04 sends a unit that failed receipt inspection to quarantine, from where QA can only reject it', () => {
    const inTransit = 'in-transit-to-factory';
    expect(stageAfterStep('recordMaterialReceipt', inTransit, 'quarantined')).toBe(
      'material-quarantined',
    );
    expect(stageAfterStep('recordMaterialReceipt', inTransit, 'accepted')).toBe('received');
    expect(stageAfterStep('releaseMaterial', 'received', 'quarantined')).toBe('material-released');
    expect(evaluateStep('material-quarantined', 'releaseMaterial')).toMatchObject({
      allowed: false,
    });
    expect(evaluateStep('material-quarantined', 'rejectMaterial')).toEqual({
      allowed: true,
      to: 'material-rejected',
    });
  });

  it('DON-06 lets production start only on released material', () => {
    for (const stage of JOURNEY_STAGES.filter((s) => s !== 'material-released')) {
      expect(evaluateStep(stage, 'startProduction')).toMatchObject({
        allowed: false,
        reasonCode: 'STEP_OUT_OF_ORDER',
      });
    }
  });

  it('takes the rejection branch back to a new collection', () => {
    expect(evaluateStep('received', 'rejectMaterial')).toEqual({
      allowed: true,
      to: 'material-rejected',
    });
    expect(evaluateStep('material-rejected', 'scheduleCollection')).toEqual({
      allowed: true,
      to: 'collection-scheduled',
    });
  });

  it('QA-02 takes QC results again in release review, for corrections and retests', () => {
    expect(evaluateStep('release-review', 'recordQcResult')).toEqual({
      allowed: true,
      to: 'release-review',
    });
  });

  it('QA-02.1 takes the results that follow a conditional release in every later stage, leaving it', () => {
    for (const stage of [
      'released',
      'shipped',
      'received-at-site',
      'infused',
      'follow-up',
    ] as const) {
      expect(evaluateStep(stage, 'recordQcResult')).toEqual({ allowed: true, to: stage });
      expect(stageAfterStep('recordQcResult', stage)).toBe(stage);
    }
    expect(stageAfterStep('recordQcResult', 'qc')).toBe('release-review');
    for (const stage of ['in-production', 'closed', 'cancelled'] as const)
      expect(evaluateStep(stage, 'recordQcResult')).toMatchObject({ allowed: false });
  });

  it('refuses every step outside its allowed stages with STEP_OUT_OF_ORDER', () => {
    for (const step of JOURNEY_STEP_NAMES) {
      for (const stage of JOURNEY_STAGES) {
        const rule: { from: readonly string[]; staysIn?: readonly string[] } = JOURNEY_STEPS[step];
        const allowed = rule.from.includes(stage) || !!rule.staysIn?.includes(stage);
        const result = evaluateStep(stage, step);
        expect(result.allowed).toBe(allowed);
        if (!result.allowed) {
          expect(result.reasonCode).toBe('STEP_OUT_OF_ORDER');
          expect(result.message).toContain(stage);
        }
      }
    }
  });

  it('never leaves a terminal stage', () => {
    for (const step of JOURNEY_STEP_NAMES) {
      expect(evaluateStep('closed', step).allowed).toBe(false);
      expect(evaluateStep('cancelled', step).allowed).toBe(false);
    }
  });

  it('cannot cancel once the product has left the factory', () => {
    for (const stage of ['shipped', 'received-at-site', 'infused', 'follow-up'] as const) {
      expect(evaluateStep(stage, 'cancelJourney').allowed).toBe(false);
    }
  });
});
