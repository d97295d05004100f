import { ApplicationFailure } from '@temporalio/common';
import { ActivityRefusal, DomainError } from '@v2v/contracts';
import { asTemporalActivities } from './domain-failure';

const step = {
  journeyId: 'journey-B',
  donorCode: 'B',
  eventId: 'e-1',
  actor: { userId: 'operator', role: 'operator' },
};

function activities(written: string[]) {
  return {
    async startProduction(input: { eventId: string; payload?: unknown }) {
      written.push(input.eventId);
      return { recordId: 'r-1' };
    },
    async refused(): Promise<never> {
      throw new DomainError('IDENTITY_MISMATCH', 'scanned A, expected B');
    },
    async duplicated(): Promise<never> {
      throw Object.assign(new Error('duplicate key value violates unique constraint'), {
        code: '23505',
        constraint: 'UQ_batch_donor_code',
        detail: 'Key (donor_code)=(B) already exists.',
      });
    },
    async crashed(): Promise<never> {
      throw new Error('connection reset');
    },
  };
}

describe('asTemporalActivities', () => {
  it('passes an accepted activity through and records no refusal', async () => {
    const refusals: ActivityRefusal[] = [];
    const written: string[] = [];
    const wrapped = asTemporalActivities(activities(written), async (r) => void refusals.push(r));
    await expect(wrapped.startProduction(step)).resolves.toEqual({ recordId: 'r-1' });
    expect(written).toEqual(['e-1']);
    expect(refusals).toEqual([]);
  });

  it('PRD-06 records a refusal, then fails the activity non-retryably with its code', async () => {
    const refusals: ActivityRefusal[] = [];
    const wrapped = asTemporalActivities(activities([]), async (r) => void refusals.push(r));
    const failure = await wrapped.refused().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'IDENTITY_MISMATCH', nonRetryable: true });
    expect(refusals).toEqual([
      expect.objectContaining({ activity: 'refused', code: 'IDENTITY_MISMATCH' }),
    ]);
  });

  it('keeps a refusal retryable when it cannot be recorded, so none is answered unrecorded', async () => {
    const wrapped = asTemporalActivities(activities([]), async () => {
      throw new Error('database unavailable');
    });
    const failure = await wrapped.refused().catch((error: unknown) => error);
    expect(failure).not.toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ message: 'database unavailable' });
  });

  it('records nothing for a failure that is not a refusal, which stays retryable', async () => {
    const refusals: ActivityRefusal[] = [];
    const wrapped = asTemporalActivities(activities([]), async (r) => void refusals.push(r));
    await expect(wrapped.crashed()).rejects.toThrow('connection reset');
    expect(refusals).toEqual([]);
  });

  it('CSV-04 answers a unique violation as a recorded RECORD_ALREADY_EXISTS refusal, not a retry', async () => {
    const refusals: ActivityRefusal[] = [];
    const wrapped = asTemporalActivities(activities([]), async (r) => void refusals.push(r));
    const failure = await wrapped.duplicated().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'RECORD_ALREADY_EXISTS', nonRetryable: true });
    expect((failure as Error).message).toContain('UQ_batch_donor_code');
    expect(refusals).toEqual([
      expect.objectContaining({ activity: 'duplicated', code: 'RECORD_ALREADY_EXISTS' }),
    ]);
  });

  it('CSV-03 refuses an input carrying a NUL character before the activity runs, naming the field, and records it escaped', async () => {
    const refusals: ActivityRefusal[] = [];
    const written: string[] = [];
    const wrapped = asTemporalActivities(activities(written), async (r) => void refusals.push(r));
    const forged = { ...step, donorCode: 'B\u0000', payload: { notes: ['fine', 'x\u0000y'] } };
    const failure = await wrapped.startProduction(forged).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({
      type: 'VALIDATION_FAILED',
      nonRetryable: true,
      message:
        'the startProduction input is invalid: donorCode: contains a NUL character (U+0000), which no record can hold',
    });
    expect(written).toEqual([]);
    expect(refusals).toEqual([
      expect.objectContaining({
        activity: 'startProduction',
        donorCode: 'B\\u0000',
        code: 'VALIDATION_FAILED',
        details: { fieldErrors: [{ path: 'donorCode', message: expect.any(String) }] },
      }),
    ]);
    const inPayload = await wrapped
      .startProduction({ ...step, payload: forged.payload })
      .catch((error: unknown) => error);
    expect(inPayload).toMatchObject({ message: expect.stringContaining(': payload.notes.1: ') });
  });
});
