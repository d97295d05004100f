import PDFDocument from 'pdfkit';
import type { BilingualText, InstructionsForUse } from '@v2v/contracts';
import { CJK_BOLD, CJK_REGULAR, registerCjkFonts } from '../shared/cjk-fonts';

/** What the document is of: a specification version, and the shipment it travelled with. */
export interface InstructionsForUseDocument {
  productCode: string;
  specificationVersion: number;
  contentSha256?: string;
  instructions: InstructionsForUse;
  shipment?: { donorCode: string; shippedAt: string };
}

/** The PDF's title (ASCII, so a reader finds it uncompressed in the file's info dictionary). */
export function instructionsForUseTitle(document: InstructionsForUseDocument): string {
  const journey = document.shipment ? ` shipped with ${document.shipment.donorCode}` : '';
  return `Instructions for use ${document.productCode} v${document.specificationVersion}${journey}`;
}

/**
 * The instructions for use as the site prints them (OTH-01, §12(1)): each section in Chinese,
 * then English where given, with its figures; the version, and the hash that the hospital's
 * acknowledgement names.
 */
export function instructionsForUsePdf(document: InstructionsForUseDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: {
      Title: instructionsForUseTitle(document),
      Subject: document.contentSha256 ? `SHA-256 ${document.contentSha256}` : 'OTH-01',
    },
  });
  registerCjkFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  writeHeader(doc, document);
  writeSections(doc, document.instructions);
  doc.end();
  return done;
}

function writeHeader(doc: PDFKit.PDFDocument, document: InstructionsForUseDocument): void {
  doc.font(CJK_BOLD).fontSize(18).text('使用说明  Instructions for use');
  doc.font(CJK_REGULAR).fontSize(9).moveDown(0.3);
  const facts = [
    ['产品规格 Specification', `${document.productCode} v${document.specificationVersion}`],
    ...(document.shipment
      ? [
          ['供者识别码 Donor unique code', document.shipment.donorCode],
          ['发运时间 Shipped at', document.shipment.shippedAt],
        ]
      : []),
    ...(document.contentSha256 ? [['SHA-256', document.contentSha256]] : []),
  ];
  for (const [label, value] of facts)
    doc.font(CJK_BOLD).text(`${label}: `, { continued: true }).font(CJK_REGULAR).text(value);
}

function writeSections(doc: PDFKit.PDFDocument, ifu: InstructionsForUse): void {
  section(
    doc,
    '1  复温  Thawing',
    [ifu.thawing.text, ifu.thawing.method],
    [
      `温度 Temperature: ${ifu.thawing.temperatureC} °C`,
      `最长复温时间 Thawing at most: ${ifu.thawing.maxMinutes} min`,
    ],
  );
  section(doc, '2  稀释与洗涤  Dilution and washing', [ifu.dilutionAndWashing.text], []);
  section(
    doc,
    '3  配制环境与无菌要求  Preparation environment and aseptic requirements',
    [ifu.preparation.environment, ifu.preparation.asepticRequirements],
    [],
  );
  section(
    doc,
    '4  医院储存  Storage at the site',
    [ifu.siteStorage.text],
    [
      `温度 Temperature: ${ifu.siteStorage.minTemperatureC} °C … ${ifu.siteStorage.maxTemperatureC} °C`,
      `最长储存 Stored at most: ${ifu.siteStorage.maxHours} h`,
    ],
  );
  section(
    doc,
    '5  转运至床旁  Transfer to the bedside',
    [ifu.transferToBedside.text],
    [
      `复温完成至开始输注 From thawed to the start of infusion: ≤ ${ifu.transferToBedside.maxMinutesFromThawToInfusion} min`,
    ],
  );
  section(doc, '6  警示  Warnings', ifu.warnings, []);
}

function section(
  doc: PDFKit.PDFDocument,
  heading: string,
  texts: BilingualText[],
  figures: string[],
): void {
  doc.moveDown(0.8).font(CJK_BOLD).fontSize(12).fillColor('black').text(heading);
  for (const text of texts) {
    doc.moveDown(0.2).font(CJK_REGULAR).fontSize(10).fillColor('black').text(text.zh);
    if (text.en) doc.fontSize(9).fillColor('#444').text(text.en);
  }
  if (figures.length) {
    doc.moveDown(0.2).font(CJK_BOLD).fontSize(9).fillColor('black');
    for (const figure of figures) doc.text(`• ${figure}`);
  }
  doc.fillColor('black');
}
