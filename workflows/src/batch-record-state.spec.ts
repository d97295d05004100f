import type { BatchStepCommand, BatchStepCompletion, BatchStepStart } from '@v2v/contracts';
import { DEMO_PROCESS_CART_CD19 } from '@v2v/testing';
import { BatchRecordState } from './batch-record-state';

const actor = { userId: 'operator', role: 'operator' } as const;
const [first, second] = DEMO_PROCESS_CART_CD19.steps;
const record = { recordId: 'r', summary: 's', deviations: [], labels: [] };

function loaded(): BatchRecordState {
  const state = new BatchRecordState({
    journeyId: 'journey-A99991500000100M',
    donorCode: 'A99991500000100M',
    batchNumber: 'B-1',
    productCode: 'CART-CD19',
    specificationVersion: 1,
    knownPositiveMarkers: [],
  });
  state.loadProcess({
    productCode: 'CART-CD19',
    processVersion: 1,
    specificationVersion: 1,
    content: DEMO_PROCESS_CART_CD19,
  });
  return state;
}

const start = (stepId: string, eventId = `start-${stepId}`): BatchStepCommand<BatchStepStart> => ({
  stepId,
  eventId,
  actor,
  payload: {
    bookingId: '00000000-0000-4000-8000-000000000001',
    shiftCode: 'DAY',
    startedAt: '2026-12-01T09:00:00Z',
    coOperators: [],
  },
});
const complete = (
  stepId: string,
  extra: Partial<BatchStepCompletion> = {},
): BatchStepCommand<BatchStepCompletion> => ({
  stepId,
  eventId: `complete-${stepId}`,
  actor,
  payload: {
    endedAt: '2026-12-01T10:00:00Z',
    parameters: [],
    consumables: [],
    containerInspections: [],
    labelConfirmations: [],
    ...extra,
  },
});

describe('BatchRecordState', () => {
  it('PRD-01 refuses to start any step but the next one, and to complete a step not in progress', () => {
    const state = loaded();
    expect(state.refusal('start', start(second.stepId))?.reasonCode).toBe('STEP_OUT_OF_ORDER');
    expect(state.refusal('complete', complete(first.stepId))?.reasonCode).toBe('STEP_OUT_OF_ORDER');
    expect(state.refusal('start', start('NO-SUCH-STEP'))?.reasonCode).toBe('NOT_FOUND');
    expect(state.refusal('start', start(first.stepId))).toBeUndefined();
    state.applyStart(start(first.stepId), record);
    expect(state.refusal('start', start(first.stepId, 'again'))?.reasonCode).toBe(
      'STEP_OUT_OF_ORDER',
    );
    expect(state.refusal('complete', complete(first.stepId))).toBeUndefined();
  });

  it('PRD-01 refuses a second update of the batch while one is being recorded, but not its repeat', () => {
    const state = loaded();
    state.begin('start-T-CELL-SELECTION', Promise.resolve(state.view()));
    expect(state.refusal('start', start(first.stepId, 'other'))?.reasonCode).toBe(
      'STEP_IN_PROGRESS',
    );
    expect(state.refusal('start', start(first.stepId))).toBeUndefined();
  });

  it('GEN-01 times the transfer out of a completed step from its departure, until the next start', () => {
    const state = loaded();
    state.applyStart(start(first.stepId), record);
    state.applyCompletion(
      complete(first.stepId, { transferDepartedAt: '2026-12-01T10:00:00.000Z' }),
      record,
      '2026-12-01T10:00:01.000Z',
    );
    expect(state.view().transfer).toEqual({
      fromStepId: first.stepId,
      departedAt: '2026-12-01T10:00:00.000Z',
      dueAt: new Date(Date.parse('2026-12-01T10:00:00.000Z') + 30 * 60_000).toISOString(),
    });
    state.applyStart(start(second.stepId), record);
    expect(state.transfer).toBeUndefined();
  });

  it('PRD-01 takes the batch size from the last step’s record', () => {
    const state = loaded();
    for (const step of DEMO_PROCESS_CART_CD19.steps) {
      state.applyStart(start(step.stepId), record);
      state.applyCompletion(complete(step.stepId), { ...record, totalCellCount: 7 }, 'at');
    }
    expect(state.completed).toBe(true);
    expect(state.totalCellCount).toBe(7);
    expect(state.view()).toMatchObject({ completed: true, totalCellCount: 7 });
  });
});

describe('a batch rejected by QA (MAT-04)', () => {
  it('MAT-04 ends the record and refuses every later step, the first rejection standing', () => {
    const state = loaded();
    state.applyStart(start(first.stepId), record);
    expect(state.ended).toBe(false);
    const qa = { userId: 'qa', role: 'qa-qp' } as const;
    state.reject({ rejectedAt: '2026-12-02T10:00:00Z', rejectedBy: qa });
    state.reject({ rejectedAt: '2026-12-02T11:00:00Z', rejectedBy: qa });
    expect(state.ended).toBe(true);
    expect(state.completed).toBe(false);
    expect(state.view().rejectedAt).toBe('2026-12-02T10:00:00Z');
    expect(state.refusal('complete', complete(first.stepId))).toMatchObject({
      reasonCode: 'STEP_OUT_OF_ORDER',
      message: expect.stringContaining('was rejected at 2026-12-02T10:00:00Z'),
    });
  });
});
