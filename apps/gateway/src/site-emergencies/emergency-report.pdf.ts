import PDFDocument from 'pdfkit';
import { CJK_BOLD, CJK_REGULAR, registerCjkFonts } from '../shared/cjk-fonts';

/** An emergency on the product as the release service lists it (QA-04). */
export interface EmergencyOnRecord {
  deviationId: string;
  donorCode: string;
  batchNumber: string | null;
  kind: string;
  siteSource: string | null;
  description: string;
  foundAt: string | null;
  foundBy: string | null;
  raisedAt: string;
  investigation: string | null;
  rootCause: string | null;
  correctiveAction: string | null;
  preventiveAction: string | null;
  disposition: string | null;
  recallDecision: string | null;
  recallRationale: string | null;
  recallId: string | null;
  signatureId: string | null;
  closedBy: string | null;
  closedAt: string | null;
  status: 'open' | 'closed';
}

const at = (instant: string | null) => (instant ? new Date(instant).toISOString() : '—');
const OPEN = '— (open 未关闭)';

/**
 * QA-04 (§10(4)): the emergency report — what was found, when and by whom, the product's
 * identity, QA's investigation, root cause, CAPA, disposition and recall decision, and the
 * closure's signature. Labels in Chinese and English; the emergency id is the PDF's title (in
 * the info dictionary, uncompressed, so that a reader finds it).
 */
export function emergencyReportPdf(e: EmergencyOnRecord): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    info: { Title: `Emergency ${e.deviationId}`, Subject: 'emergency report (QA-04)' },
  });
  registerCjkFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  doc.font(CJK_BOLD).fontSize(16).text('紧急情况报告  Emergency report (QA-04)');
  doc.font(CJK_REGULAR).fontSize(9).moveDown(0.5);
  const recall =
    e.recallDecision === 'raised'
      ? `召回 raised: ${e.recallId}`
      : e.recallDecision === 'not-needed'
        ? `无需召回 not needed: ${e.recallRationale}`
        : OPEN;
  const rows: Array<[string, string]> = [
    ['编号 Emergency', e.deviationId],
    ['供者唯一编号 Donor unique code', e.donorCode],
    ['批号 Batch', e.batchNumber ?? '—'],
    ['类型 Kind', `${e.kind}${e.siteSource ? ` (${e.siteSource})` : ''}`],
    ['发现 What was found', e.description],
    ['发现时间 Found at', at(e.foundAt ?? e.raisedAt)],
    ['发现人 Found by', e.foundBy ?? 'system'],
    ['记录时间 Raised at', at(e.raisedAt)],
    ['调查 Investigation', e.investigation ?? OPEN],
    ['根本原因 Root cause', e.rootCause ?? OPEN],
    ['纠正措施 Corrective action', e.correctiveAction ?? OPEN],
    ['预防措施 Preventive action', e.preventiveAction ?? (e.status === 'open' ? OPEN : '—')],
    ['产品处置 Disposition', e.disposition ?? (e.status === 'open' ? OPEN : '—')],
    ['召回决定 Recall decision', e.status === 'closed' && !e.recallDecision ? '—' : recall],
    [
      '电子签名 Signature',
      e.signatureId ? `关闭 closed · ${e.closedBy} · ${at(e.closedAt)} · ${e.signatureId}` : OPEN,
    ],
  ];
  for (const [label, value] of rows)
    doc.font(CJK_BOLD).text(`${label}: `, { continued: true }).font(CJK_REGULAR).text(value);
  doc.end();
  return done;
}
