import type { InstitutionNotification } from '@v2v/contracts';
import { notificationText, urgentFirst } from './notifications';

const notification = (
  id: string,
  part: Partial<InstitutionNotification> = {},
): InstitutionNotification => ({
  id,
  institutionId: 'HOSP-A',
  donorCode: 'W000026000001A',
  kind: 'journey-status',
  severity: 'info',
  messageCode: 'batch-released',
  parameters: {},
  sourceEventId: `event-${id}`,
  sourceMessageType: 'batch.released.v1',
  occurredAt: '2026-12-01T08:00:00.000Z',
  recordedAt: '2026-12-01T08:00:01.000Z',
  acknowledgement: null,
  overdue: false,
  ...part,
});

const acknowledged = {
  acknowledgedBy: { userId: 'u1', role: 'hospital' },
  acknowledgedAt: '2026-12-01T09:00:00.000Z',
  note: null,
} as InstitutionNotification['acknowledgement'];

describe('urgentFirst', () => {
  it('TRC-04 lists overdue, then urgent unacknowledged, then the rest newest first', () => {
    const page = [
      notification('1'),
      notification('2', { severity: 'urgent', acknowledgement: acknowledged }),
      notification('3', { severity: 'urgent' }),
      notification('4'),
      notification('5', { severity: 'urgent', overdue: true }),
    ];
    expect(urgentFirst(page).map((n) => n.id)).toEqual(['5', '3', '1', '2', '4']);
  });

  it('leaves the page it was given as it was', () => {
    const page = [notification('1'), notification('2', { overdue: true, severity: 'urgent' })];
    urgentFirst(page);
    expect(page.map((n) => n.id)).toEqual(['1', '2']);
  });
});

describe('notificationText', () => {
  it('TRC-04 renders a known message code with its parameters and the donor code', () => {
    const n = notification('1', {
      messageCode: 'product-recalled',
      parameters: { recallId: 'R-1', classification: 'I', reason: 'sterility' },
    });
    expect(notificationText(n, () => true)).toEqual({
      key: 'notifications.messages.product-recalled',
      values: {
        recallId: 'R-1',
        classification: 'I',
        reason: 'sterility',
        donorCode: 'W000026000001A',
        messageCode: 'product-recalled',
      },
    });
  });

  it('falls back to the generic text naming an unknown message code', () => {
    const n = notification('1', { messageCode: 'something-new' });
    const text = notificationText(n, (key) => key === 'notifications.messages.unknown');
    expect(text.key).toBe('notifications.messages.unknown');
    expect(text.values.messageCode).toBe('something-new');
  });
});
