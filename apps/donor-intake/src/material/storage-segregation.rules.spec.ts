import { assertSegregatedStorage, StorageUnit } from './storage-segregation.rules';

const general: StorageUnit = { id: 'COLD-01', description: 'general', segregation: 'general' };
const dedicated: StorageUnit = {
  id: 'COLD-POS-01',
  description: 'positive',
  segregation: 'positive-dedicated',
};

describe('segregated storage of known-positive material', () => {
  it('FAC-03 puts positive material in a dedicated unit', () => {
    expect(assertSegregatedStorage(dedicated, dedicated.id, ['HBV'])).toBe(dedicated);
  });

  it('FAC-03 refuses positive material in a general unit', () => {
    expect(() => assertSegregatedStorage(general, general.id, ['HBV'])).toThrow(
      expect.objectContaining({ code: 'FAC-03', message: expect.stringContaining('dedicated') }),
    );
  });

  it('FAC-03 refuses other material in a unit dedicated to positive material', () => {
    expect(() => assertSegregatedStorage(dedicated, dedicated.id, [])).toThrow(
      expect.objectContaining({ code: 'FAC-03' }),
    );
  });

  it('FAC-03 refuses an unknown storage unit', () => {
    expect(() => assertSegregatedStorage(undefined, 'FREEZER-X', [])).toThrow(
      expect.objectContaining({ code: 'FAC-03', message: expect.stringContaining('FREEZER-X') }),
    );
  });

  it('FAC-03 allows other material in a general unit', () => {
    expect(assertSegregatedStorage(general, general.id, [])).toBe(general);
  });
});
