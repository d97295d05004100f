import PDFDocument from 'pdfkit';
import type { JourneyRecord } from './journey-record';

/** The inspector's PDF report of one journey: identity, hashes to verify, trace, audit trail. */
export function journeyRecordPdf(record: JourneyRecord): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: `Journey ${record.donorCode}`, Subject: 'chain of identity and custody, audit trail' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.fontSize(16).text(`Journey ${record.journeyId}`);
  doc.fontSize(9).moveDown(0.5);
  for (const [label, value] of [
    ['Donor unique code', record.donorCode],
    ['Patient reference (pseudonymous)', record.patientReference],
    ['Institution', record.institutionId],
    ['Product', record.productCode],
    ['Exported at', record.exportedAt],
    ['Ledger head hash (compare with npm run verify)', record.ledgerHeadHash],
    ['This journey\'s chain head', record.journeyChainHead],
    ...record.auditHeads.map((h) => [`Audit trail heads, ${h.service}`, h.headsHash]),
  ]) {
    doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);
  }

  doc.moveDown().fontSize(12).font('Helvetica-Bold').text('Chain of custody');
  doc.fontSize(8).font('Helvetica');
  for (const e of record.trace) {
    doc.text(`${String(e.seq).padStart(3)}  ${e.occurredAt}  ${e.messageType}  ${e.actor ? `${e.actor.userId} (${e.actor.role})` : ''}  ${e.summary}`);
    doc.fillColor('#666').text(`      entry ${e.entryHash}`).fillColor('black');
  }

  doc.moveDown().fontSize(12).font('Helvetica-Bold').text('Audit trail');
  doc.fontSize(8).font('Helvetica');
  for (const a of record.audit) {
    doc.text(`${a.at}  ${a.service}  ${a.action} ${a.recordType} ${a.recordId}  by ${a.actor.userId} (${a.actor.role})${a.reason ? `  reason: ${a.reason}` : ''}`);
    if (a.oldValue !== null) doc.fillColor('#666').text(`      old ${JSON.stringify(a.oldValue)}`).fillColor('black');
    doc.fillColor('#666').text(`      new ${JSON.stringify(a.newValue)}`).text(`      entry ${a.entryHash}`).fillColor('black');
  }
  doc.end();
  return done;
}
