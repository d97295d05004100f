import { formatDonorCode, generateDonorUniqueCode } from '@v2v/contracts';
import { batchNumber, productLabelContent } from './product-label';

describe('product label content', () => {
  it('PRD-06 generates the label content from the batch donor code, with its eye-readable form', () => {
    const donorCode = formatDonorCode(
      generateDonorUniqueCode({ facility: 'A9999', year: 2015, sequence: 1 }),
    );
    expect(
      productLabelContent({ donorCode, batchNumber: 'B2026-000001', productCode: 'CART-CD19' }),
    ).toEqual({
      donorCode: 'A99991500000100M',
      eyeReadable: '=A9999 15 000001 00 M',
      batchNumber: 'B2026-000001',
      productCode: 'CART-CD19',
    });
  });

  it('PRD-06 refuses to label a batch whose donor code fails its check character', () => {
    expect(() =>
      productLabelContent({ donorCode: 'A99991500000100N', batchNumber: 'B1', productCode: 'X' }),
    ).toThrow(/check character/);
  });

  it('numbers batches by year and sequence', () => {
    expect(batchNumber(2026, 7)).toBe('B2026-000007');
  });
});
