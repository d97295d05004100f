import PDFDocument from 'pdfkit';
import type { Recall } from '@v2v/contracts';
import { CJK_BOLD, CJK_REGULAR, registerCjkFonts } from '../shared/cjk-fonts';

const END_OF_UNIT = {
  open: 'OPEN: not yet returned, destroyed or confirmed infused',
  returned: 'returned',
  destroyed: 'destroyed',
  'patient-follow-up': 'already infused: patient follow-up',
} as const;

/**
 * QA-04: the recall report — what was recalled, why, by whose signed decision, and each affected
 * journey with its recalled batches and how its unit ended (or that it is still open). Printed
 * in a CJK font: reasons and notes are often written in Chinese.
 */
export function recallReportPdf(recall: Recall, printedAt: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    info: { Title: `Recall ${recall.recallId}`, Subject: 'recall report (QA-04)' },
  });
  registerCjkFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  const open = recall.units.filter((u) => u.status === 'open').length;
  doc.font(CJK_REGULAR).fontSize(16).text(`Recall report ${recall.recallId}`);
  doc.fontSize(9).moveDown(0.5);
  for (const [label, value] of [
    ['Recalled', `${recall.scope} ${recall.batchNumber ?? recall.lotId}`],
    ['Classification', `class ${recall.classification}`],
    ['Reason', recall.reason],
    [
      'Decided',
      `${recall.decidedAt} by ${recall.decidedBy.userId} (${recall.decidedBy.role}), signature ${recall.signatureId}`,
    ],
    ['Units', `${recall.units.length} affected journeys, ${open} still open`],
    ['Printed at', printedAt],
  ]) {
    doc.font(CJK_BOLD).text(`${label}: `, { continued: true }).font(CJK_REGULAR).text(value);
  }
  doc.moveDown().fontSize(12).font(CJK_BOLD).text('Affected journeys and their end');
  doc.fontSize(8).font(CJK_REGULAR);
  for (const unit of recall.units) {
    doc.text(
      `${unit.donorCode}  batch ${unit.batchNumbers.join(', ')}  ${END_OF_UNIT[unit.status]}`,
    );
    if (unit.disposition)
      doc
        .fillColor('#666')
        .text(
          `      ${unit.disposition.recordedAt} by ${unit.disposition.recordedBy.userId} (${unit.disposition.recordedBy.role}): ${unit.disposition.note}`,
        )
        .fillColor('black');
  }
  doc.end();
  return done;
}
