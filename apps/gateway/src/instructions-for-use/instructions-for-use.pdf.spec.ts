import { CART_CD19_V1 } from '@v2v/contracts';
import { instructionsForUsePdf, instructionsForUseTitle } from './instructions-for-use.pdf';

describe('the instructions for use PDF (OTH-01)', () => {
  it('OTH-01 prints the shipped version in Chinese with its title and hash in the document info', async () => {
    const document = {
      productCode: 'CART-CD19',
      specificationVersion: 1,
      contentSha256: 'ab'.repeat(32),
      instructions: CART_CD19_V1.instructionsForUse,
      shipment: { donorCode: 'Z99992600012345', shippedAt: '2026-11-29T10:00:00.000Z' },
    };
    const file = await instructionsForUsePdf(document);
    expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = file.toString('latin1');
    expect(instructionsForUseTitle(document)).toBe(
      'Instructions for use CART-CD19 v1 shipped with Z99992600012345',
    );
    expect(text).toContain(`(${instructionsForUseTitle(document)})`);
    expect(text).toContain(`(SHA-256 ${'ab'.repeat(32)})`);
    // The Chinese text is set in the embedded CJK font, not in a Latin-only built-in one.
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
  });
});
