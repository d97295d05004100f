import { existsSync } from 'node:fs';
import { DomainError } from '@v2v/contracts';

/**
 * Fonts that print Chinese in the gateway's PDFs: pdfkit's built-in fonts have Latin glyphs
 * only. Noto Sans CJK as Debian's fonts-noto-cjk installs it (CI and the image install it),
 * then where other distributions put it; the Simplified Chinese face of each collection, which
 * also has the Latin glyphs, so one family prints both languages.
 */
const COLLECTIONS = [
  '/usr/share/fonts/opentype/noto',
  '/usr/share/fonts/noto-cjk',
  '/usr/share/fonts/google-noto-cjk',
];

export const CJK_REGULAR = 'cjk-regular';
export const CJK_BOLD = 'cjk-bold';

/** Registers the regular and bold faces on `doc`; 503 when no CJK font is installed. */
export function registerCjkFonts(doc: PDFKit.PDFDocument): void {
  const folder = COLLECTIONS.find((dir) => existsSync(`${dir}/NotoSansCJK-Regular.ttc`));
  if (!folder)
    throw new DomainError(
      'SERVICE_UNAVAILABLE',
      'no font that prints Chinese is installed on the gateway (install fonts-noto-cjk)',
    );
  doc.registerFont(CJK_REGULAR, `${folder}/NotoSansCJK-Regular.ttc`, 'NotoSansCJKsc-Regular');
  const bold = `${folder}/NotoSansCJK-Bold.ttc`;
  doc.registerFont(
    CJK_BOLD,
    existsSync(bold) ? bold : `${folder}/NotoSansCJK-Regular.ttc`,
    existsSync(bold) ? 'NotoSansCJKsc-Bold' : 'NotoSansCJKsc-Regular',
  );
}
