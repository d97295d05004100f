import type { JourneyRecord } from './journey-record';

const cell = (value: unknown): string => {
  const text =
    value === null || value === undefined
      ? ''
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const row = (...values: unknown[]) => values.map(cell).join(',');

/** RFC 4180 CSV: a header block with the hashes, then the trace and the audit trail. */
export function journeyRecordCsv(record: JourneyRecord): string {
  const lines = [
    row('section', 'key', 'value'),
    ...(
      [
        'journeyId',
        'donorCode',
        'patientReference',
        'institutionId',
        'productCode',
        'exportedAt',
        'ledgerHeadHash',
        'journeyChainHead',
      ] as const
    ).map((k) => row('export', k, record[k])),
    ...(['takenAt', 'seq', 'entryHash', 'signature'] as const).map((k) =>
      row('export', `checkpoint.${k}`, record.checkpoint[k]),
    ),
    ...record.auditHeads.map((h) => row('export', `auditHeads.${h.service}`, h.headsHash)),
    '',
    row('section', 'seq', 'occurredAt', 'messageType', 'producer', 'actor', 'summary', 'entryHash'),
    ...record.trace.map((e) =>
      row(
        'trace',
        e.seq,
        e.occurredAt,
        e.messageType,
        e.producer,
        e.actor ? `${e.actor.userId} (${e.actor.role})` : '',
        e.summary,
        e.entryHash,
      ),
    ),
    '',
    row(
      'section',
      'signedAt',
      'step',
      'meaning',
      'signer',
      'signedContentHash',
      'valid',
      'voidReason',
    ),
    ...record.signatures.map((g) =>
      row(
        'signature',
        g.signedAt,
        g.step,
        g.meaning,
        `${g.signer.userId} (${g.signer.role})`,
        g.signedContentHash,
        g.valid,
        g.voidReason ?? '',
      ),
    ),
    '',
    row(
      'section',
      'at',
      'service',
      'recordType',
      'recordId',
      'action',
      'actor',
      'reason',
      'oldValue',
      'newValue',
      'entryHash',
    ),
    ...record.audit.map((a) =>
      row(
        'audit',
        a.at,
        a.service,
        a.recordType,
        a.recordId,
        a.action,
        `${a.actor.userId} (${a.actor.role})`,
        a.reason,
        a.oldValue,
        a.newValue,
        a.entryHash,
      ),
    ),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
