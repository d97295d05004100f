import { openUnits, recallTarget } from './recalls';

const unit = (donorCode: string, status: 'open' | 'destroyed' | 'patient-follow-up') => ({
  donorCode,
  journeyId: `journey-${donorCode}`,
  batchNumbers: ['B-1'],
  status,
  disposition: null,
});

describe('recalls as the console shows them', () => {
  it('QA-04 names a batch recall by its batch number and a lot recall by its lot id', () => {
    expect(recallTarget({ scope: 'batch', batchNumber: 'B-2026-0007', lotId: null })).toBe(
      'B-2026-0007',
    );
    expect(recallTarget({ scope: 'key-material-lot', batchNumber: null, lotId: 'LOT-9' })).toBe(
      'LOT-9',
    );
  });

  it('QA-04 keeps a unit open until its disposition is recorded', () => {
    const units = [unit('A', 'open'), unit('B', 'destroyed'), unit('C', 'patient-follow-up')];
    expect(openUnits({ units }).map((u) => u.donorCode)).toEqual(['A']);
  });
});
