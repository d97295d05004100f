import { DataSource } from 'typeorm';
import { DomainError, StepActivityInput } from '@v2v/contracts';
import { JourneyStepRecorder } from './journey-step-recorder';

describe('journey step recorder', () => {
  it('refuses to record a step another service owns', () => {
    const recorder = new JourneyStepRecorder({} as DataSource, {
      schema: 'release',
      producer: 'release',
      topic: 'v2v.release.events.v1',
    });
    expect(() =>
      recorder.record('startProduction', {} as StepActivityInput<unknown>, {
        summary: '',
        detail: {},
      }),
    ).toThrow('step startProduction belongs to production, not release');
  });

  it('GEN-01 refuses, where it is written, a collection dated after the journey accepted it', () => {
    const recorder = new JourneyStepRecorder({} as DataSource, {
      schema: 'donor_intake',
      producer: 'donor-intake',
      topic: 'v2v.donor-intake.events.v1',
    });
    const occurredAt = '2026-12-01T10:00:00.000Z';
    const input = {
      occurredAt,
      payload: {
        collectedAt: '2026-12-04T10:00:00.000Z',
        volumeMl: 180,
        bagLot: 'BAG-1',
        collectionOperator: 'Nurse Li Na',
      },
    } as StepActivityInput<unknown>;
    let refusal: unknown;
    try {
      // Refused before anything is written: the check throws before the record is attempted.
      void recorder.record('recordCollection', input, { summary: '', detail: {} });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: `the recordCollection payload is invalid: collectedAt: implausible instant: 2026-12-04T10:00:00.000Z is more than 5 minutes after receipt (${occurredAt}) (GEN-01)`,
    });
  });
});
