import PDFDocument from 'pdfkit';
import type { JourneyRecord } from './journey-record';

/**
 * The inspector's PDF report: per journey (one page on from the next) its identity, the
 * hashes to verify, the chain of custody, the signatures and the audit trail.
 */
export function journeyRecordsPdf(records: JourneyRecord[], title: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    info: { Title: title, Subject: 'chain of identity and custody, signatures, audit trail' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  if (records.length === 0) doc.fontSize(12).text(`${title}: no journey`);
  records.forEach((record, i) => {
    if (i > 0) doc.addPage();
    writeJourney(doc, record);
  });
  doc.end();
  return done;
}

function writeJourney(doc: PDFKit.PDFDocument, record: JourneyRecord): void {
  doc.fontSize(16).text(`Journey ${record.journeyId}`);
  doc.fontSize(9).moveDown(0.5);
  for (const [label, value] of [
    ['Donor unique code', record.donorCode],
    ['Patient reference (pseudonymous)', record.patientReference],
    ['Institution', record.institutionId],
    ['Product', record.productCode],
    ['Exported at', record.exportedAt],
    ['Ledger head hash (compare with npm run verify)', record.ledgerHeadHash],
    ["This journey's chain head", record.journeyChainHead],
    [
      `Checkpoint signed ${record.checkpoint.takenAt} (head seq ${record.checkpoint.seq})`,
      `${record.checkpoint.entryHash}, Ed25519 signature ${record.checkpoint.signature}`,
    ],
    ...record.auditHeads.map((h) => [`Audit trail heads, ${h.service}`, h.headsHash]),
  ]) {
    doc
      .font('Helvetica-Bold')
      .text(`${label}: `, { continued: true })
      .font('Helvetica')
      .text(value);
  }

  doc.moveDown().fontSize(12).font('Helvetica-Bold').text('Chain of custody');
  doc.fontSize(8).font('Helvetica');
  for (const e of record.trace) {
    doc.text(
      `${String(e.seq).padStart(3)}  ${e.occurredAt}  ${e.messageType}  ${e.actor ? `${e.actor.userId} (${e.actor.role})` : ''}  ${e.summary}`,
    );
    doc.fillColor('#666').text(`      entry ${e.entryHash}`).fillColor('black');
  }

  doc.moveDown().fontSize(12).font('Helvetica-Bold').text('Electronic signatures');
  doc.fontSize(8).font('Helvetica');
  if (record.signatures.length === 0) doc.text('none');
  for (const g of record.signatures) {
    doc.text(
      `${g.signedAt}  ${g.step}: ${g.meaning} by ${g.signer.userId} (${g.signer.role})  ${g.valid ? 'VALID' : `VOID: ${g.voidReason}`}`,
    );
    doc.fillColor('#666').text(`      signed content ${g.signedContentHash}`).fillColor('black');
  }

  doc.moveDown().fontSize(12).font('Helvetica-Bold').text('Audit trail');
  doc.fontSize(8).font('Helvetica');
  for (const a of record.audit) {
    doc.text(
      `${a.at}  ${a.service}  ${a.action} ${a.recordType} ${a.recordId}  by ${a.actor.userId} (${a.actor.role})${a.reason ? `  reason: ${a.reason}` : ''}`,
    );
    if (a.oldValue !== null)
      doc
        .fillColor('#666')
        .text(`      old ${JSON.stringify(a.oldValue)}`)
        .fillColor('black');
    doc
      .fillColor('#666')
      .text(`      new ${JSON.stringify(a.newValue)}`)
      .text(`      entry ${a.entryHash}`)
      .fillColor('black');
  }
}
