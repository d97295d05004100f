import { randomUUID } from 'node:crypto';
import { ZodError } from 'zod';
import {
  CUSTODY_EVENT_TYPES,
  DomainError,
  type EventEnvelope,
  formatDonorCode,
  generateDonorUniqueCode,
  NOTIFIED_EVENTS,
} from '@v2v/contracts';
import {
  acknowledgementLimitMs,
  decodeFeedCursor,
  encodeFeedCursor,
  isAcknowledgementOverdue,
  NOTIFICATION_TEXT_MAX,
  notificationFor,
  requireOwnNotification,
} from './notification-rules';

const CODE = formatDonorCode(
  generateDonorUniqueCode({ facility: 'A9999', year: 2026, sequence: 4711 }),
);
const OTHER = formatDonorCode(
  generateDonorUniqueCode({ facility: 'A9999', year: 2026, sequence: 4712 }),
);

function event(
  messageType: string,
  detail: Record<string, unknown> = {},
  payload: Record<string, unknown> = {},
): EventEnvelope {
  return {
    id: randomUUID(),
    aggregateType: 'journey',
    aggregateId: CODE,
    messageType,
    occurredAt: '2026-11-20T08:00:00.000Z',
    payload: {
      donorCode: CODE,
      journeyId: `journey-${CODE}`,
      actor: { userId: 'system', role: 'ops' },
      recordId: 'REC-1',
      summary: `${messageType} happened`,
      detail,
      ...payload,
    },
    metadata: { producer: 'release' },
  };
}

const refusalOf = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    return error;
  }
  throw new Error('not refused');
};

describe('the notifications an event makes for its institution (TRC-04)', () => {
  it('TRC-04 makes an urgent deviation notification, whichever service raised it', () => {
    const late = event(
      'deviation.raised.v1',
      { deviationId: 'DEV-9', rule: 'QA-02', batchNumber: 'B-2026-001' },
      { summary: 'sterility out of specification after conditional release' },
    );
    const draft = notificationFor(late);
    expect(draft).toEqual({
      donorCode: CODE,
      kind: 'deviation',
      severity: 'urgent',
      messageCode: 'deviation-raised',
      parameters: {
        deviationId: 'DEV-9',
        rule: 'QA-02',
        description: 'sterility out of specification after conditional release',
        batchNumber: 'B-2026-001',
      },
      sourceEventId: late.id,
      sourceMessageType: 'deviation.raised.v1',
      occurredAt: late.occurredAt,
    });
    // An EM excursion may expose a batch without a number yet; the record id names the deviation.
    expect(
      notificationFor(event('deviation.raised.v1', { batchNumber: null }))?.parameters,
    ).toEqual({ deviationId: 'REC-1', description: 'deviation.raised.v1 happened' });
  });

  it("TRC-04 tells the site of its product's shipment with the courier and the time", () => {
    const shipped = event('product.shipped.v1', {
      shippedAt: '2026-11-20T07:55:00+08:00',
      courier: 'ColdChain Express',
      shipperId: 'SHIPPER-01',
    });
    expect(notificationFor(shipped)).toMatchObject({
      kind: 'journey-status',
      severity: 'info',
      messageCode: 'product-shipped',
      parameters: { courier: 'ColdChain Express', shippedAt: '2026-11-20T07:55:00+08:00' },
    });
  });

  it('TRC-04 makes a voided release urgent and a rejection or cancellation worth attention', () => {
    const voided = event(
      'batch.release-voided.v1',
      { batchNumber: 'B-1' },
      { summary: 'QC corrected' },
    );
    expect(notificationFor(voided)).toMatchObject({
      severity: 'urgent',
      messageCode: 'release-voided',
      parameters: { batchNumber: 'B-1', description: 'QC corrected' },
    });
    for (const type of ['donor-material.rejected.v1', 'batch.rejected.v1', 'journey.cancelled.v1'])
      expect(notificationFor(event(type, { reason: 'patient withdrew' }))).toMatchObject({
        severity: 'attention',
        parameters: { reason: 'patient withdrew' },
      });
  });

  it('TRC-04 QA-04 tells the site at once that its patient’s product is recalled, with the recall and its class', () => {
    const recallId = randomUUID();
    const recall = event(
      'recall.notified.v1',
      { recallId, classification: 'I', reason: 'vector lot failed its RCL retest' },
      { summary: 'product of batch B-1 recalled' },
    );
    expect(notificationFor(recall)).toMatchObject({
      kind: 'recall',
      severity: 'urgent',
      messageCode: 'product-recalled',
      parameters: {
        recallId,
        classification: 'I',
        reason: 'vector lot failed its RCL retest',
        description: 'product of batch B-1 recalled',
      },
    });
    const unknownClass = event('recall.notified.v1', { recallId, classification: 'IV' });
    expect(refusalOf(() => notificationFor(unknownClass))).toBeInstanceOf(ZodError);
  });

  it("TRC-04 makes none for the site's own steps and the factory's inner ones", () => {
    const silent = CUSTODY_EVENT_TYPES.filter((type) => !(type in NOTIFIED_EVENTS));
    expect(silent).toEqual(
      expect.arrayContaining([
        'donor-material.collected.v1',
        'donor-material.handed-to-courier.v1',
        'batch.step-completed.v1',
        'qc-result.recorded.v1',
        'product.received-at-site.v1',
        'product.infused.v1',
      ]),
    );
    for (const type of silent) expect(notificationFor(event(type))).toBeUndefined();
    // Not even looked at: an event the feed does not show cannot be set aside by it.
    expect(notificationFor({ ...event('batch.started.v1'), payload: { junk: 1 } })).toBeUndefined();
  });

  it('TRC-04 maps only custody event types that exist', () => {
    const known: readonly string[] = CUSTODY_EVENT_TYPES;
    expect(Object.keys(NOTIFIED_EVENTS).filter((type) => !known.includes(type))).toEqual([]);
  });

  it('TRC-04 refuses a wrong type, an oversized text and an impossible instant, to be set aside', () => {
    const wrongType = event('journey.cancelled.v1', { reason: 42 });
    const huge = event(
      'deviation.raised.v1',
      {},
      { summary: 'x'.repeat(NOTIFICATION_TEXT_MAX + 1) },
    );
    const year0 = event('product.shipped.v1', { shippedAt: '0000-01-01T00:00:00Z' });
    const badCode = event('product.shipped.v1', {}, { donorCode: 'A99992600471100X' });
    for (const hostile of [wrongType, huge, year0, badCode])
      expect(refusalOf(() => notificationFor(hostile))).toBeInstanceOf(ZodError);
    expect((refusalOf(() => notificationFor(year0)) as ZodError).message).toMatch(/shippedAt/);
  });

  it('TRC-04 refuses an event whose payload names another donor than its key', () => {
    const misrouted = event('product.shipped.v1', {}, { donorCode: OTHER });
    expect(refusalOf(() => notificationFor(misrouted))).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining(`names donor code ${OTHER} (TRC-04)`),
    });
  });
});

describe('acknowledgement of a notification (TRC-04)', () => {
  const HOUR = 3_600_000;
  const recordedAt = '2026-11-20T08:00:00.000Z';
  const at = (hours: number) => new Date(Date.parse(recordedAt) + hours * HOUR);
  const urgent = { severity: 'urgent' as const, recordedAt, acknowledgement: null };

  it('TRC-04 lists an urgent notification unacknowledged past the limit as overdue', () => {
    expect(isAcknowledgementOverdue(urgent, at(3.9), 4 * HOUR)).toBe(false);
    expect(isAcknowledgementOverdue(urgent, at(4), 4 * HOUR)).toBe(true);
  });

  it('TRC-04 never lists an acknowledged or a non-urgent notification as overdue', () => {
    const acknowledgement = {
      acknowledgedBy: { userId: 'nurse', role: 'hospital' as const },
      acknowledgedAt: at(5).toISOString(),
      note: null,
    };
    expect(isAcknowledgementOverdue({ ...urgent, acknowledgement }, at(9), 4 * HOUR)).toBe(false);
    expect(isAcknowledgementOverdue({ ...urgent, severity: 'attention' }, at(9), 4 * HOUR)).toBe(
      false,
    );
  });

  it('TRC-04 takes the acknowledgement limit from the configuration, 4 hours by default', () => {
    expect(acknowledgementLimitMs({})).toBe(4 * HOUR);
    expect(acknowledgementLimitMs({ NOTIFICATION_ACKNOWLEDGEMENT_LIMIT_HOURS: '1.5' })).toBe(
      1.5 * HOUR,
    );
    for (const bad of ['0', '-2', 'soon', '500'])
      expect(() =>
        acknowledgementLimitMs({ NOTIFICATION_ACKNOWLEDGEMENT_LIMIT_HOURS: bad }),
      ).toThrow(/NOTIFICATION_ACKNOWLEDGEMENT_LIMIT_HOURS/);
  });

  it("TRC-04 answers another institution's notification exactly as an unknown id", () => {
    const own = { id: 'n-1', institutionId: 'INST-001' };
    expect(requireOwnNotification(own, 'n-1', 'INST-001')).toBe(own);
    const foreign = refusalOf(() => requireOwnNotification(own, 'n-1', 'INST-002'));
    const unknown = refusalOf(() => requireOwnNotification(undefined, 'n-1', 'INST-002'));
    expect(foreign).toBeInstanceOf(DomainError);
    expect(foreign).toEqual(unknown);
    expect(foreign).toMatchObject({ code: 'NOT_FOUND', message: 'no notification n-1' });
  });

  it('TRC-04 reads back the position its cursor encodes and refuses any other cursor', () => {
    const position = { occurredAt: '2026-11-20T08:00:00.123Z', id: randomUUID() };
    expect(decodeFeedCursor(encodeFeedCursor(position))).toEqual(position);
    for (const bad of ['abc', Buffer.from('["x","y"]').toString('base64url')])
      expect(refusalOf(() => decodeFeedCursor(bad))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
