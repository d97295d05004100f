import type { DeviationNotice } from '@v2v/contracts';
import { deviationSource } from './deviations';

const notices: DeviationNotice[] = [
  {
    deviationId: 'journey-X-transport-to-factory-temperature-excursion',
    rule: 'GEN-01',
    leg: 'transport-to-factory',
    detectedAt: '2026-12-01T08:00:00.000Z',
    description: 'transport-to-factory: 12.5 °C',
  },
  {
    deviationId: '5b0c3c1e-0000-4000-8000-000000000001',
    rule: 'PRD-05',
    detectedAt: '2026-12-02T08:00:00.000Z',
    description: 'EM excursion in room C-101',
  },
];

describe("a deviation's source", () => {
  it("GEN-01 names the custody leg whose limits a transport deviation's notice reports", () => {
    expect(deviationSource({ deviationId: notices[0].deviationId }, notices)).toEqual({
      rule: 'GEN-01',
      leg: 'transport-to-factory',
    });
  });

  it('PRD-05 names an environmental monitoring excursion, which has no leg', () => {
    expect(deviationSource({ deviationId: notices[1].deviationId }, notices)).toEqual({
      rule: 'PRD-05',
    });
  });

  it('names no source for a deviation the journey has not been told of yet', () => {
    expect(deviationSource({ deviationId: 'unknown' }, notices)).toBeUndefined();
  });
});
