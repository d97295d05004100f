import { requireReactionAfterInfusion } from './adverse-reaction-rules';

const infusion = { recordId: 'r-1', infusedAt: '2026-11-30T10:00:00.000Z' };

describe('requireReactionAfterInfusion', () => {
  it('TRC-04 refuses a reaction of a journey whose infusion is not on record', () => {
    expect(() => requireReactionAfterInfusion('D1', '2026-11-30T12:00:00Z', undefined)).toThrow(
      expect.objectContaining({
        code: 'STEP_OUT_OF_ORDER',
        message:
          'no infusion of D1 is on record: an adverse reaction is reported after it (TRC-04)',
      }),
    );
  });

  it('TRC-04 refuses an onset before the infusion began, naming the field', () => {
    expect(() => requireReactionAfterInfusion('D1', '2026-11-30T09:00:00Z', infusion)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: { fieldErrors: [{ path: 'onsetAt', message: 'not before the infusion' }] },
      }),
    );
  });

  it('TRC-04 takes a reaction after the infusion, and names the infusion it follows', () => {
    expect(requireReactionAfterInfusion('D1', '2026-11-30T14:00:00Z', infusion)).toBe(infusion);
  });
});
