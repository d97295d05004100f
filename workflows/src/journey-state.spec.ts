import {
  InstitutionStandingNotice,
  JourneyInput,
  ManufacturingSlot,
  ProductSpecification,
  StepCommand,
} from '@v2v/contracts';
import { JourneyState } from './journey-state';

const input: JourneyInput = {
  donorCode: 'A99991500000100M',
  order: {
    patientReference: 'PAT-1',
    institutionId: 'INST-001',
    productCode: 'CART-CD19',
    requestedCollectionDate: '2026-12-01',
  },
  orderedBy: { userId: 'sched', role: 'scheduler' },
};
const spec = { version: 3 } as ProductSpecification;
const command = (eventId: string): StepCommand => ({
  eventId,
  actor: { userId: 'u', role: 'scheduler' },
  payload: {} as never,
});

const notice = (
  decisionId: string,
  status: InstitutionStandingNotice['status'],
  decidedAt: string,
): InstitutionStandingNotice => ({
  decisionId,
  institutionId: 'INST-001',
  decision: status === 'approved' ? 'reinstate' : 'suspend',
  fromStatus: status === 'approved' ? 'suspended' : 'approved',
  status,
  reason: 'audit finding',
  decidedBy: { userId: 'qa', role: 'qa-qp' },
  decidedAt,
});

function started() {
  const state = new JourneyState(input, '2026-11-25T00:00:00.000Z');
  state.specification = spec;
  return state;
}

describe('JourneyState', () => {
  it('refuses a step the stage does not allow with STEP_OUT_OF_ORDER', () => {
    expect(started().refusal('releaseBatch', command('e1'))).toMatchObject({
      reasonCode: 'STEP_OUT_OF_ORDER',
    });
    expect(started().refusal('recordDonorScreening', command('e1'))).toBeUndefined();
  });

  it('refuses a second step while one is in flight, but not a repeat of the in-flight one', () => {
    const state = started();
    state.begin('e1', Promise.resolve(state.view()));
    expect(state.refusal('recordDonorScreening', command('e2'))).toMatchObject({
      reasonCode: 'STEP_IN_PROGRESS',
    });
    expect(state.refusal('recordDonorScreening', command('e1'))).toBeUndefined();
    state.end('e1');
    expect(state.refusal('recordDonorScreening', command('e2'))).toBeUndefined();
  });

  it('answers a repeated event id with the first answer, even after the stage moved on', async () => {
    const state = started();
    state.apply(
      'scheduleCollection',
      command('e1'),
      { recordId: 'r1', summary: 'scheduled' },
      '2026-11-25T01:00:00.000Z',
    );
    state.remember('e1', state.view());
    state.apply(
      'recordCollection',
      command('e2'),
      { recordId: 'r2', summary: 'collected' },
      '2026-11-25T02:00:00.000Z',
    );
    expect(state.refusal('scheduleCollection', command('e1'))).toBeUndefined();
    expect((await state.previousResult('e1'))?.stage).toBe('collection-scheduled');
    expect(state.stage).toBe('collected');
  });

  it('counts a collection booked after a rejection as a recollection', () => {
    const state = started();
    state.stage = 'material-rejected';
    state.apply(
      'scheduleCollection',
      command('e1'),
      { recordId: 'r', summary: 's' },
      '2026-11-25T01:00:00.000Z',
    );
    expect(state.view()).toMatchObject({
      stage: 'collection-scheduled',
      recollections: 1,
      productSpecificationVersion: 3,
    });
  });

  describe('CSV-04 step occurrence (the step record identity with donor code and step)', () => {
    const record = { recordId: 'r', summary: 's' };
    const at = '2026-11-25T01:00:00.000Z';

    it('CSV-04 names the same occurrence until the step is applied, whatever its event id', () => {
      const state = started();
      state.stage = 'material-released';
      expect(state.occurrenceOf('startProduction')).toEqual({ cycle: 0, repeat: 0 });
      expect(state.occurrenceOf('startProduction')).toEqual({ cycle: 0, repeat: 0 });
      state.apply('startProduction', command('e1'), record, at);
      expect(state.stage).toBe('in-production');
    });

    it('CSV-04 counts each post-collection storage record of a cycle as one more repeat', () => {
      const state = started();
      state.stage = 'collected';
      expect(state.occurrenceOf('recordPostCollectionStorage')).toEqual({ cycle: 0, repeat: 0 });
      state.apply('recordPostCollectionStorage', command('e1'), record, at);
      expect(state.occurrenceOf('recordPostCollectionStorage')).toEqual({ cycle: 0, repeat: 1 });
      state.apply('recordPostCollectionStorage', command('e2'), record, at);
      expect(state.occurrenceOf('recordPostCollectionStorage')).toEqual({ cycle: 0, repeat: 2 });
      expect(state.occurrenceOf('handOverToCourier')).toEqual({ cycle: 0, repeat: 0 });
    });

    it('CSV-04 gives the recollection after a rejected unit the next cycle, from its schedule on', () => {
      const state = started();
      state.stage = 'donor-screened';
      state.apply('scheduleCollection', command('e1'), record, at);
      state.stage = 'collected';
      state.apply('recordPostCollectionStorage', command('e2'), record, at);
      state.stage = 'material-rejected';
      expect(state.occurrenceOf('scheduleCollection')).toEqual({ cycle: 1, repeat: 0 });
      state.apply('scheduleCollection', command('e3'), record, at);
      expect(state.recollections).toBe(1);
      state.stage = 'collected';
      expect(state.occurrenceOf('recordCollection')).toEqual({ cycle: 1, repeat: 0 });
      expect(state.occurrenceOf('recordPostCollectionStorage')).toEqual({ cycle: 1, repeat: 0 });
    });
  });

  it('DON-05 keeps the known-positive markers from the screening record and shows them on the view', () => {
    const state = started();
    state.apply(
      'recordDonorScreening',
      command('e1'),
      { recordId: 'r', summary: 's', knownPositiveMarkers: ['HBV'] },
      '2026-11-25T01:00:00.000Z',
    );
    expect(state.knownPositiveMarkers).toEqual(['HBV']);
    expect(state.view().knownPositiveMarkers).toEqual(['HBV']);
  });

  it('DON-04 moves a unit whose receipt inspection failed to quarantine', () => {
    const state = started();
    state.stage = 'in-transit-to-factory';
    state.apply(
      'recordMaterialReceipt',
      command('e1'),
      { recordId: 'r', summary: 's', outcome: 'quarantined' },
      '2026-11-25T01:00:00.000Z',
    );
    expect(state.stage).toBe('material-quarantined');
  });

  it('GEN-01 lists an open leg as a pending deadline and records a deviation once', () => {
    const state = started();
    state.openLeg({
      childWorkflowId: 'leg-1',
      leg: 'transport-to-factory',
      dueAt: '2026-11-27T00:00:00.000Z',
    });
    expect(state.pendingDeadlines).toEqual([
      expect.objectContaining({ id: 'leg-1', rule: 'GEN-01', dueAt: '2026-11-27T00:00:00.000Z' }),
    ]);
    const notice = {
      deviationId: 'd1',
      rule: 'GEN-01' as const,
      leg: 'transport-to-factory' as const,
      detectedAt: '2026-11-27T00:00:00.000Z',
      description: 'late',
    };
    state.recordDeviation(notice);
    state.recordDeviation(notice);
    expect(state.deviations).toHaveLength(1);
    expect(state.timeline.filter((t) => t.kind === 'deviation')).toHaveLength(1);
    state.closeLeg('transport-to-factory');
    expect(state.pendingDeadlines).toEqual([]);
  });

  describe('DON-02 institution notices', () => {
    it('DON-02 holds the institution steps of a running journey while its institution is suspended', () => {
      const state = started();
      state.recordInstitutionNotice(notice('d1', 'suspended', '2026-11-25T01:00:00.000Z'));
      expect(state.refusal('recordDonorScreening', command('e1'))).toMatchObject({
        reasonCode: 'DON-02',
      });
      expect(state.refusal('recordDonorScreening', command('e1'))?.message).toContain(
        'suspended since 2026-11-25T01:00:00.000Z (decision d1',
      );
      expect(state.refusal('cancelJourney', command('e2'))).toBeUndefined();
      expect(state.view().institutionNotice).toMatchObject({
        decisionId: 'd1',
        status: 'suspended',
      });
      expect(state.timeline.at(-1)).toMatchObject({ kind: 'institution-notice', eventId: 'd1' });
    });

    it('DON-02 lets the journey go on once QA reinstates the institution', () => {
      const state = started();
      state.recordInstitutionNotice(notice('d1', 'suspended', '2026-11-25T01:00:00.000Z'));
      state.recordInstitutionNotice(notice('d2', 'approved', '2026-11-25T02:00:00.000Z'));
      expect(state.refusal('recordDonorScreening', command('e1'))).toBeUndefined();
    });

    it('DON-02 keeps a redelivered notice once and stands by the latest decision when notices arrive out of order', () => {
      const state = started();
      state.recordInstitutionNotice(notice('d2', 'approved', '2026-11-25T02:00:00.000Z'));
      state.recordInstitutionNotice(notice('d1', 'suspended', '2026-11-25T01:00:00.000Z'));
      state.recordInstitutionNotice(notice('d1', 'suspended', '2026-11-25T01:00:00.000Z'));
      expect(state.timeline.filter((t) => t.kind === 'institution-notice')).toHaveLength(2);
      expect(state.view().institutionNotice?.decisionId).toBe('d2');
      expect(state.refusal('recordDonorScreening', command('e1'))).toBeUndefined();
    });

    it('DON-02 does not hold the factory steps or the infusion of product already received', () => {
      const state = started();
      state.recordInstitutionNotice(notice('d1', 'suspended', '2026-11-25T01:00:00.000Z'));
      state.stage = 'received-at-site';
      expect(state.refusal('recordInfusion', command('e1'))).toBeUndefined();
      state.stage = 'material-released';
      expect(state.refusal('startProduction', command('e2'))).toBeUndefined();
    });
  });
});

describe('JourneyState with a batch record', () => {
  it('PRD-01 refuses a completeProduction by hand while the batch record runs', () => {
    const state = new JourneyState(input, '2026-12-01T08:00:00Z');
    state.specification = spec;
    state.stage = 'in-production';
    expect(state.refusal('completeProduction', command('by-hand'))).toBeUndefined();
    state.apply(
      'startProduction',
      command('start'),
      { recordId: 'r', summary: 's', batchNumber: 'B-1' },
      '2026-12-01T09:00:00Z',
    );
    state.openBatchRecord('batch-B-1', '2026-12-01T09:00:00Z');
    expect(state.view().batchNumber).toBe('B-1');
    expect(state.refusal('completeProduction', command('by-hand'))).toMatchObject({
      reasonCode: 'PRD-01',
      message: expect.stringContaining('last step of its batch record'),
    });
  });
});

describe('the manufacturing slot on the journey', () => {
  const slot = (slotId: string, startsOn: string): ManufacturingSlot => ({
    slotId,
    donorCode: input.donorCode,
    journeyId: `journey-${input.donorCode}`,
    productCode: 'CART-CD19',
    lineCode: 'L1',
    areaCode: 'CP-1',
    startsOn,
    endsOn: '2026-12-20',
    plannedShipmentOn: '2026-12-27',
    status: 'booked',
    reason: 'collection scheduled for 2026-12-08',
    requestedBy: { userId: 'sched', role: 'scheduler' },
    requestedAt: '2026-12-01T09:00:00Z',
  });

  it('shows the booked slot, says rebooked when it changes, and drops it when released', () => {
    const state = new JourneyState(input, '2026-12-01T08:00:00Z');
    state.bookSlot(slot('s1', '2026-12-09'), '2026-12-01T09:00:00Z');
    expect(state.view().manufacturingSlot).toEqual({
      slotId: 's1',
      lineCode: 'L1',
      startsOn: '2026-12-09',
      endsOn: '2026-12-20',
      plannedShipmentOn: '2026-12-27',
    });
    state.bookSlot(slot('s2', '2026-12-12'), '2026-12-02T09:00:00Z');
    state.releaseSlot(
      { ...slot('s1', '2026-12-09'), status: 'released', releaseReason: 'rebooked' },
      '2026-12-02T09:00:01Z',
    );
    expect(state.view().manufacturingSlot?.slotId).toBe('s2');
    state.releaseSlot(
      { ...slot('s2', '2026-12-12'), status: 'released', releaseReason: 'journey cancelled' },
      '2026-12-03T09:00:00Z',
    );
    expect(state.view().manufacturingSlot).toBeUndefined();
    expect(state.timeline.map((t) => t.summary).slice(1)).toEqual([
      'manufacturing slot booked: line L1 from 2026-12-09 to 2026-12-20, shipment planned 2026-12-27 (collection scheduled for 2026-12-08)',
      'manufacturing slot rebooked: line L1 from 2026-12-12 to 2026-12-20, shipment planned 2026-12-27 (collection scheduled for 2026-12-08)',
      'manufacturing slot on line L1 from 2026-12-09 released: rebooked',
      'manufacturing slot on line L1 from 2026-12-12 released: journey cancelled',
    ]);
  });

  it('a collection scheduled after a rejected batch opens the next cycle', () => {
    const state = new JourneyState(input, '2026-12-01T08:00:00Z');
    state.stage = 'batch-rejected';
    expect(state.occurrenceOf('scheduleCollection')).toEqual({ cycle: 1, repeat: 0 });
  });
});

describe('the release on the journey', () => {
  it('CSV-02 takes a released journey back to release review when its release is void', () => {
    const state = new JourneyState(input, '2026-12-01T08:00:00Z');
    state.stage = 'released';
    state.openBatchRelease('release-B1', '2026-12-10T08:00:00Z');
    state.voidRelease(
      'the release of batch B1 is void: QA-02.1 changed (CSV-02)',
      '2026-12-11T08:00:00.000Z',
    );
    expect(state.stage).toBe('release-review');
    expect(state.coveredRelease).toBeUndefined();
    expect(state.timeline.at(-1)).toMatchObject({
      kind: 'system',
      stage: 'release-review',
      summary: 'the release of batch B1 is void: QA-02.1 changed (CSV-02)',
    });
  });

  it('CSV-02 only notes a voiding that arrives once the product shipped', () => {
    const state = new JourneyState(input, '2026-12-01T08:00:00Z');
    state.stage = 'shipped';
    state.voidRelease(
      'the release of batch B1 is void: QA-01 is open now (CSV-02)',
      '2026-12-11T08:00:00.000Z',
    );
    expect(state.stage).toBe('shipped');
    expect(state.timeline.at(-1)).toMatchObject({ kind: 'system', stage: 'shipped' });
  });
});

describe('the follow-up period on the journey', () => {
  const infused = () => {
    const state = started();
    state.specification = { version: 3, followUpDays: 90 } as ProductSpecification;
    state.stage = 'infused';
    const endsAt = state.startFollowUp('2026-12-01T10:00:00.000Z', '2026-12-01T10:30:00.000Z');
    return { state, endsAt };
  };
  const completion = (outcomeKind: string): StepCommand => ({
    ...command('f1'),
    payload: { outcome: 'x', outcomeKind } as never,
  });

  it("enters follow-up for the specification's followUpDays from the infusion, on the view", () => {
    const { state, endsAt } = infused();
    expect(endsAt).toBe('2027-03-01T10:00:00.000Z');
    expect(state.stage).toBe('follow-up');
    expect(state.view().followUpEndsAt).toBe(endsAt);
    expect(state.timeline.at(-1)?.summary).toBe(
      'follow-up started: 90 days from the infusion (product specification v3), until 2027-03-01T10:00:00.000Z',
    );
  });

  it('refuses a completed period before its end, naming the end; a death or withdrawal ends it early', () => {
    const { state } = infused();
    const before = Date.parse('2027-02-01T00:00:00Z');
    expect(state.refusal('completeFollowUp', completion('period-completed'), before)).toEqual({
      reasonCode: 'STEP_OUT_OF_ORDER',
      message: expect.stringContaining('the follow-up period ends on 2027-03-01T10:00:00.000Z'),
    });
    expect(state.refusal('completeFollowUp', completion('death'), before)).toBeUndefined();
    expect(state.refusal('completeFollowUp', completion('withdrawal'), before)).toBeUndefined();
    const after = Date.parse('2027-03-01T10:00:00Z');
    expect(
      state.refusal('completeFollowUp', completion('period-completed'), after),
    ).toBeUndefined();
  });
});
