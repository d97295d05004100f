import PDFDocument from 'pdfkit';
import type { DonorMaterialLabel } from '@v2v/contracts';
import { labelDateTime } from './donor-material-label';

export const MM = 72 / 25.4;
export const PAGE = { width: 100 * MM, height: 60 * MM };
export const MARGIN = 3 * MM;
export const SYMBOL = 24 * MM;
export const TEXT_X = MARGIN + SYMBOL + 3 * MM;
const TEXT_WIDTH = PAGE.width - TEXT_X - MARGIN;
const LABEL_WIDTH = 14 * MM;
const WARNING_HEIGHT = 8 * MM;

/**
 * A 100 × 60 mm donor material label: the Data Matrix and the eye-readable donor unique code
 * (TRC-02), what DON-04.4 asks a label to show, and a red DON-05 band on known-positive material.
 */
export function donorMaterialLabelPdf(
  label: DonorMaterialLabel,
  symbolPng: Buffer,
): Promise<Buffer> {
  // Uncompressed: a one-page label stays small and its text stays findable by plain tools.
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: 0,
    compress: false,
    info: {
      Title: `Donor material label ${label.eyeReadable}`,
      Subject: `donor unique code ${label.donorCode}`,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );

  doc.image(symbolPng, MARGIN, MARGIN, { width: SYMBOL, height: SYMBOL });
  doc
    .font('Helvetica')
    .fontSize(6)
    .fillColor('#555')
    .text('DONOR UNIQUE CODE', TEXT_X, MARGIN, { lineBreak: false });
  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .fillColor('black')
    .text(label.eyeReadable, TEXT_X, MARGIN + 8, { lineBreak: false });
  const fields: Array<[string, string]> = [
    ['Product', label.productCode],
    ['Institution', `${label.institution.id}, ${label.institution.name}`],
    ['Collected', labelDateTime(label.collection.collectedAt)],
    ['Volume', `${label.collection.volumeMl} mL`],
    ['Bag/lot', label.collection.bagLot],
    ['Operator', label.collection.collectionOperator],
  ];
  let y = MARGIN + 26;
  for (const [name, value] of fields) {
    doc.font('Helvetica-Bold').fontSize(7).text(name, TEXT_X, y, { lineBreak: false });
    // A long value wraps once, then is cut with an ellipsis rather than pushed onto a new page.
    doc.font('Helvetica').text(value, TEXT_X + LABEL_WIDTH, y, {
      width: TEXT_WIDTH - LABEL_WIDTH,
      height: 17,
      ellipsis: true,
    });
    y = doc.y + 2.5;
  }

  if (label.biohazardWarning) {
    const y = PAGE.height - MARGIN - WARNING_HEIGHT;
    doc.rect(MARGIN, y, PAGE.width - 2 * MARGIN, WARNING_HEIGHT).fill('#c00000');
    doc
      .font('Helvetica-Bold')
      .fontSize(9)
      .fillColor('white')
      .text(label.biohazardWarning, MARGIN, y + 7, {
        width: PAGE.width - 2 * MARGIN,
        height: WARNING_HEIGHT,
        align: 'center',
        ellipsis: true,
      });
  }
  doc.end();
  return done;
}
