import { concernsRunningJourneys } from './institution-notice.rules';

describe('which qualification decisions reach running journeys', () => {
  it.each([
    ['approved', 'suspended', true],
    ['approved', 'removed', true],
    ['suspended', 'approved', true],
    ['suspended', 'removed', true],
    ['approved', 'approved', false],
    ['assessment', 'on-site-audit', false],
    ['on-site-audit', 'approved', true],
    ['assessment', 'removed', false],
  ] as const)('DON-02 %s → %s notifies running journeys: %s', (fromStatus, status, expected) => {
    expect(concernsRunningJourneys({ fromStatus, status })).toBe(expected);
  });
});
