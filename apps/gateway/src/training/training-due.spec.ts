import { z } from 'zod';
import { trainingDueDays, trainingDueEventId, trainingDueUntil } from './training-due';

describe('training due', () => {
  it('OTH-02 gives 30 days of notice unless TRAINING_DUE_DAYS says otherwise', () => {
    expect(trainingDueDays({})).toBe(30);
    expect(trainingDueDays({ TRAINING_DUE_DAYS: '14' })).toBe(14);
  });

  it.each(['0', '-3', '2.5', 'soon', '366'])(
    'OTH-02 stops the boot on TRAINING_DUE_DAYS=%s',
    (v) => {
      expect(() => trainingDueDays({ TRAINING_DUE_DAYS: v })).toThrow(`TRAINING_DUE_DAYS=${v}`);
    },
  );

  it('OTH-02 counts the notice in calendar days, across a month end', () => {
    expect(trainingDueUntil('2026-11-25', 30)).toBe('2026-12-25');
    expect(trainingDueUntil('2026-01-31', 1)).toBe('2026-02-01');
  });

  it('TRC-04 names one notice per record and expiry, as a uuid', () => {
    const id = trainingDueEventId({ id: '7', expiresOn: '2026-12-05' });
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(trainingDueEventId({ id: '7', expiresOn: '2026-12-05' })).toBe(id);
    expect(trainingDueEventId({ id: '7', expiresOn: '2027-12-05' })).not.toBe(id);
    expect(trainingDueEventId({ id: '8', expiresOn: '2026-12-05' })).not.toBe(id);
  });
});
