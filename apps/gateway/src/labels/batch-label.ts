import bwipjs from 'bwip-js';
import PDFDocument from 'pdfkit';
import { formatDonorCodeEyeReadable, parseDonorCode } from '@v2v/contracts';
import type { BatchLabelContent } from '../internal/production.client';
import { MARGIN, PAGE, SYMBOL, TEXT_X } from './donor-material-label.pdf';
import { barcodeSymbolPng, symbol } from './label-barcode';

/**
 * An intermediate or product label of the batch record (PRD-06, TRC-03), 100 × 60 mm like the
 * donor material label: the Data Matrix encodes exactly the content the confirmation scan must
 * read; the donor unique code, batch, step and container are printed eye-readable beside it.
 */
export async function batchLabelPdf(label: BatchLabelContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: 0,
    compress: false,
    info: {
      Title: `Batch label ${label.labelId}`,
      Subject: `donor unique code ${label.donorCode}`,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  const symbolPng = await barcodeSymbolPng(label.content);
  doc.image(symbolPng, MARGIN, MARGIN, { width: SYMBOL, height: SYMBOL });
  doc.font('Helvetica').fontSize(6).fillColor('#555');
  doc.text('DONOR UNIQUE CODE', TEXT_X, MARGIN, { lineBreak: false });
  doc.font('Helvetica-Bold').fontSize(12).fillColor('black');
  doc.text(eyeReadable(label.donorCode), TEXT_X, MARGIN + 8, { lineBreak: false });
  let y = MARGIN + 26;
  for (const [name, value] of [
    ['Batch', label.batchNumber],
    ['Step', label.stepId],
    ['Container', label.container],
    ['Label', label.labelId],
  ]) {
    doc.font('Helvetica-Bold').fontSize(7).text(name, TEXT_X, y, { lineBreak: false });
    doc.font('Helvetica').text(value, TEXT_X + 40, y, { lineBreak: false });
    y += 11;
  }
  doc.end();
  return done;
}

/** The label's symbol with the eye-readable donor code and batch under it. */
export function batchLabelPng(label: BatchLabelContent): Promise<Buffer> {
  return bwipjs.toBuffer({
    ...symbol(label.content),
    scale: 4,
    includetext: true,
    alttext: `${eyeReadable(label.donorCode)}  ${label.batchNumber} ${label.stepId}`,
    textsize: 8,
    textyoffset: -4,
    textxalign: 'center',
  });
}

const eyeReadable = (donorCode: string) => formatDonorCodeEyeReadable(parseDonorCode(donorCode));
