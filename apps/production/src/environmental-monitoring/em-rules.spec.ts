import { DomainError } from '@v2v/contracts';
import {
  excursionDeviation,
  followUpOf,
  releaseHoldsOf,
  requireCorrectable,
  requireImpactAssessable,
  requireImpactAssessed,
  requireOrganismIdentifiable,
  requireSessionInstants,
  requireZoneInRoom,
} from './em-rules';
import type { EmExcursion, ImpactAssessment } from './environmental-monitoring';

const DONOR = '=Z999926000001007';
const OTHER = '=Z999926000002007';
const qa = { userId: 'qa.li', role: 'qa-qp' as const };

const assessment = (conclusion: ImpactAssessment['conclusion']): ImpactAssessment => ({
  assessmentId: 'a-1',
  conclusion,
  rationale: 'organism not found in the product sterility test',
  signatureId: 's-1',
  assessedBy: qa,
  assessedAt: '2026-11-02T09:00:00.000Z',
});

const excursion = (over: Partial<EmExcursion> = {}): EmExcursion => ({
  excursionId: 'x-1',
  sessionId: 's-1',
  resultId: 'r-1',
  roomCode: 'CP1-R01',
  sessionStartedAt: '2026-11-01T08:00:00.000Z',
  sessionEndedAt: '2026-11-01T12:00:00.000Z',
  kind: 'settle-plate',
  microbial: true,
  zoneGrade: 'A',
  sampleLocation: 'BSC-101 work surface',
  value: 1,
  limit: 0,
  openedAt: '2026-11-04T08:00:00.000Z',
  organism: null,
  exposedBatches: [
    {
      donorCode: DONOR,
      productCode: 'CART-CD19',
      bookingIds: ['b-1'],
      batchNumber: null,
      deviationId: 'd-1',
      assessment: null,
    },
  ],
  ...over,
});

const codeOf = (fn: () => void) => {
  try {
    fn();
    return 'allowed';
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe('PRD-05 sessions and results', () => {
  const room = (grade: 'A-in-B' | 'local-A-in-C' | 'C' | 'D') => ({ roomCode: 'R-1', grade });

  it('PRD-05 takes A and B zones in an A-in-B room, A and C in local-A-in-C, only C or D otherwise', () => {
    expect(codeOf(() => requireZoneInRoom(room('A-in-B'), 'A'))).toBe('allowed');
    expect(codeOf(() => requireZoneInRoom(room('A-in-B'), 'B'))).toBe('allowed');
    expect(codeOf(() => requireZoneInRoom(room('local-A-in-C'), 'C'))).toBe('allowed');
    expect(codeOf(() => requireZoneInRoom(room('local-A-in-C'), 'B'))).toBe('PRD-05');
    expect(codeOf(() => requireZoneInRoom(room('D'), 'D'))).toBe('allowed');
  });

  it('PRD-05 refuses a grade A zone in a grade C room, naming the zones it has', () => {
    expect(() => requireZoneInRoom(room('C'), 'A')).toThrow(
      'room R-1 (grade C) has no grade A zone; its zones are C (PRD-05)',
    );
  });

  it('PRD-05 refuses a session ending before it starts or lying beyond the clock skew', () => {
    const now = new Date('2026-11-01T12:00:00Z');
    expect(
      codeOf(() => requireSessionInstants('2026-11-01T08:00:00Z', '2026-11-01T12:04:00Z', now)),
    ).toBe('allowed');
    expect(() =>
      requireSessionInstants('2026-11-01T08:00:00Z', '2026-11-01T07:00:00Z', now),
    ).toThrow(/endedAt must be after startedAt \(PRD-05\)/);
    expect(() =>
      requireSessionInstants('2026-11-01T08:00:00Z', '2026-11-01T12:06:00Z', now),
    ).toThrow(/endedAt 2026-11-01T12:06:00Z lies ahead/);
  });

  it('PRD-05 corrects a result of the same session once, keeping the original', () => {
    const original = { resultId: 'r-1', sessionId: 's-1' };
    expect(codeOf(() => requireCorrectable(original, 'r-1', 's-1', undefined))).toBe('allowed');
    expect(() => requireCorrectable(original, 'r-1', 's-2', undefined)).toThrow(
      /not a result of session s-2/,
    );
    expect(() => requireCorrectable(original, 'r-1', 's-1', 'r-2')).toThrow(
      /already corrected by result r-2; correct the latest entry \(PRD-05\)/,
    );
  });
});

describe('PRD-05 microbial excursions: organism and impact on every exposed batch', () => {
  it('PRD-05 refuses an organism identification on a particle excursion, or a second one', () => {
    expect(() =>
      requireOrganismIdentifiable(excursion({ kind: 'particles-5um', microbial: false })),
    ).toThrow(/only a microbial excursion/);
    const identified = excursion({
      organism: {
        genus: 'Staphylococcus',
        species: 'epidermidis',
        method: 'MALDI-TOF',
        identifiedBy: qa,
        identifiedAt: '2026-11-03T00:00:00Z',
      },
    });
    expect(() => requireOrganismIdentifiable(identified)).toThrow(
      /already identified as Staphylococcus/,
    );
    expect(codeOf(() => requireOrganismIdentifiable(excursion()))).toBe('allowed');
  });

  it('PRD-05 refuses an impact assessment before the organism is identified', () => {
    expect(() => requireImpactAssessable(excursion(), DONOR)).toThrow(
      'identify the organism of excursion x-1 before assessing its impact (PRD-05)',
    );
  });

  it('PRD-05 assesses only a batch the excursion exposed, and a concluded one only once', () => {
    const organism = {
      genus: 'Bacillus',
      species: null,
      method: 'Gram stain and API',
      identifiedBy: qa,
      identifiedAt: '2026-11-03T00:00:00Z',
    };
    expect(codeOf(() => requireImpactAssessable(excursion({ organism }), OTHER))).toBe('NOT_FOUND');
    expect(codeOf(() => requireImpactAssessable(excursion({ organism }), DONOR))).toBe('allowed');
    const withConclusion = (c: ImpactAssessment['conclusion']) =>
      excursion({
        organism,
        exposedBatches: [{ ...excursion().exposedBatches[0], assessment: assessment(c) }],
      });
    expect(
      codeOf(() => requireImpactAssessable(withConclusion('impact-further-investigation'), DONOR)),
    ).toBe('allowed');
    expect(() => requireImpactAssessable(withConclusion('no-impact'), DONOR)).toThrow(
      /already concluded no-impact/,
    );
  });

  it('PRD-05 refuses the release of a batch exposed to an unassessed microbial excursion, naming excursion, room and session', () => {
    expect(() => requireImpactAssessed(DONOR, [excursion()])).toThrow(
      'the batch of =Z999926000001007 is not releasable: settle-plate excursion x-1 in room CP1-R01 during session s-1 (2026-11-01T08:00:00.000Z–2026-11-01T12:00:00.000Z): organism not identified, impact not assessed (PRD-05)',
    );
    expect(codeOf(() => requireImpactAssessed(DONOR, [excursion()]))).toBe('PRD-05');
  });

  it('PRD-05 keeps the hold while the investigation continues or after the batch was rejected, and lifts it on no impact', () => {
    const assessed = (c: ImpactAssessment['conclusion']) =>
      excursion({
        exposedBatches: [{ ...excursion().exposedBatches[0], assessment: assessment(c) }],
      });
    expect(releaseHoldsOf(DONOR, [assessed('impact-further-investigation')])[0].reason).toBe(
      'impact under further investigation',
    );
    expect(releaseHoldsOf(DONOR, [assessed('impact-batch-rejected')])).toHaveLength(1);
    expect(codeOf(() => requireImpactAssessed(DONOR, [assessed('no-impact')]))).toBe('allowed');
  });

  it('PRD-05 holds no batch for a particle excursion, nor a batch the excursion did not expose', () => {
    expect(
      releaseHoldsOf(DONOR, [excursion({ kind: 'particles-0.5um', microbial: false })]),
    ).toEqual([]);
    expect(codeOf(() => requireImpactAssessed(OTHER, [excursion()]))).toBe('allowed');
  });

  it('PRD-05 keeps a microbial excursion open until the organism and every exposed batch are done', () => {
    expect(followUpOf(excursion())).toEqual({
      open: true,
      pending: ['organism identification', `impact assessment of the batch of ${DONOR}`],
    });
    const done = excursion({
      organism: {
        genus: 'Micrococcus',
        species: 'luteus',
        method: 'MALDI-TOF',
        identifiedBy: qa,
        identifiedAt: '2026-11-03T00:00:00Z',
      },
      exposedBatches: [{ ...excursion().exposedBatches[0], assessment: assessment('no-impact') }],
    });
    expect(followUpOf(done)).toEqual({ open: false, pending: [] });
  });
});

describe('PRD-05 release gate of one batch and the deviation on its journey', () => {
  const organism = {
    genus: 'Bacillus',
    species: null,
    method: 'Gram stain and API',
    identifiedBy: qa,
    identifiedAt: '2026-11-03T00:00:00Z',
  };
  const ofBatch = (batchNumber: string | null) =>
    excursion({ organism, exposedBatches: [{ ...excursion().exposedBatches[0], batchNumber }] });

  it('PRD-05 refuses the batch naming why it is held once the organism is identified', () => {
    expect(() => requireImpactAssessed(DONOR, [ofBatch('B-1')], 'B-1')).toThrow(
      /^the batch of =Z999926000001007 \(B-1\) is not releasable: settle-plate excursion x-1 in room CP1-R01 during session s-1 .*: impact not assessed \(PRD-05\)$/,
    );
  });

  it('PRD-05 holds the batch when the exposure named it or no batch yet, not another batch of the donor', () => {
    expect(releaseHoldsOf(DONOR, [ofBatch('B-1')], 'B-1')).toHaveLength(1);
    expect(releaseHoldsOf(DONOR, [ofBatch(null)], 'B-2')).toHaveLength(1);
    expect(codeOf(() => requireImpactAssessed(DONOR, [ofBatch('B-1')], 'B-2'))).toBe('allowed');
  });

  it('PRD-05 describes the deviation by room, session, result and limit', () => {
    const x = excursion();
    const deviation = excursionDeviation(
      { ...x, unit: 'cfu/4h' },
      { donorCode: DONOR, batchNumber: 'B-1' },
      'd-1',
      '2026-11-04T08:00:00.000Z',
    );
    expect(deviation).toEqual({
      deviationId: 'd-1',
      rule: 'PRD-05',
      source: 'em-excursion',
      excursionId: 'x-1',
      detectedAt: '2026-11-04T08:00:00.000Z',
      description:
        'settle-plate excursion in room CP1-R01 during session s-1 (2026-11-01T08:00:00.000Z–2026-11-01T12:00:00.000Z): 1 cfu/4h at BSC-101 work surface (grade A) above the limit of 0 cfu/4h; batch B-1 was in the room (PRD-05)',
    });
  });
});
