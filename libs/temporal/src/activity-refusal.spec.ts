import { DomainError } from '@v2v/contracts';
import { activityRefusal } from './activity-refusal';

const mismatch = new DomainError('IDENTITY_MISMATCH', 'scanned A, expected B', { scanned: 'A' });

describe('activityRefusal', () => {
  it("PRD-06 records who scanned, on which donor code and step event, and the rule's code", () => {
    const input = {
      journeyId: 'journey-B',
      donorCode: 'B',
      eventId: 'e-1',
      actor: { userId: 'operator', role: 'operator' },
      payload: { labelScan: 'A' },
    };
    expect(activityRefusal('startProduction', [input], mismatch)).toEqual({
      activity: 'startProduction',
      donorCode: 'B',
      journeyId: 'journey-B',
      eventId: 'e-1',
      actor: { userId: 'operator', role: 'operator' },
      code: 'IDENTITY_MISMATCH',
      message: 'scanned A, expected B',
      details: { scanned: 'A' },
    });
  });

  it('leaves null what an input without journey context does not carry', () => {
    const refusal = activityRefusal(
      'getProductSpecification',
      [{ productCode: 'X', actor: { userId: 'u', role: 'not-a-role' } }],
      new DomainError('UNKNOWN_PRODUCT', 'no product X'),
    );
    expect(refusal).toMatchObject({ donorCode: null, journeyId: null, eventId: null, actor: null });
    expect(activityRefusal('x', [], mismatch)).toMatchObject({ donorCode: null, actor: null });
  });
});
