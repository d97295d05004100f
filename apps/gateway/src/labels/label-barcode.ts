import bwipjs from 'bwip-js';
import type { DonorMaterialLabel } from '@v2v/contracts';

/**
 * The label's 2D barcode: a Data Matrix of the donor unique code in its machine form, which
 * every hand-over scan accepts (TRC-02, TRC-03). The padding (two modules; a module is two
 * bwip-js units) keeps the quiet zone scanners need.
 */
export const symbol = (text: string) => ({
  bcid: 'datamatrix',
  text,
  padding: 4,
  backgroundcolor: 'FFFFFF',
});

/** The bare symbol (of a donor code, or of a batch label's content), for a PDF label. */
export function barcodeSymbolPng(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({ ...symbol(text), scale: 8 });
}

/**
 * The label as an image: the symbol with the eye-readable code under it and, for known-positive
 * material, the DON-05 warning on the same line in red. bwip-js prints one line of text, so the
 * collection details are on the PDF only.
 */
export function labelPng(label: DonorMaterialLabel): Promise<Buffer> {
  // bwip-js's built-in OCR-B font has no em dash.
  const warning = label.biohazardWarning?.replace('—', '-');
  return bwipjs.toBuffer({
    ...symbol(label.donorCode),
    scale: 4,
    includetext: true,
    alttext: warning ? `${label.eyeReadable}  ${warning}` : label.eyeReadable,
    textsize: 8,
    textyoffset: -4,
    textxalign: 'center',
    textcolor: warning ? 'C00000' : '000000',
  });
}
