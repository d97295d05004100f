import { DataSource } from 'typeorm';
import { StepActivityInput } from '@v2v/contracts';
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
});
