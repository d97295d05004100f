import type { Client } from '@temporalio/client';
import { type EventEnvelope, recallNoticeSignal } from '@v2v/contracts';
import { TemporalClientPort } from '@v2v/service-kit';
import { SignalJourneyRecallsUseCase } from './signal-journey-recalls.usecase';

const DONOR = '=Z999926000001007';

/** Records each signal instead of reaching Temporal; `running` says whether a journey runs. */
class RecordingTemporal extends TemporalClientPort {
  readonly signals: unknown[][] = [];
  constructor(private readonly running = true) {
    super();
  }
  client(): Promise<Client> {
    throw new Error('not used: signalIfRunning is recorded');
  }
  override async signalIfRunning(...args: unknown[]): Promise<boolean> {
    this.signals.push(args);
    return this.running;
  }
}

const notice = {
  recallId: '7d0c6a52-3f9e-4b8a-9d61-2c4f8e1b5a70',
  classification: 'I',
  scope: 'key-material-lot',
  subject: 'KML-2026-000042',
  batchNumbers: ['B-1'],
  reason: 'vector lot failed its RCL retest',
  decidedAt: '2026-12-10T09:00:00.000Z',
  decidedBy: { userId: 'qa-qp', role: 'qa-qp' },
};

const envelope = (messageType: string, detail: Record<string, unknown>): EventEnvelope => ({
  id: '6d3f1c6e-9a0b-4a5e-8f0c-2b1d9e7a4c11',
  aggregateType: 'journey',
  aggregateId: DONOR,
  messageType,
  occurredAt: '2026-12-10T09:00:00.000Z',
  payload: {
    donorCode: DONOR,
    journeyId: `journey-${DONOR}`,
    actor: { userId: 'qa-qp', role: 'qa-qp' },
    recordId: notice.recallId,
    summary: 'product of batch B-1 recalled',
    detail,
  },
  metadata: { producer: 'production' },
});

describe('QA-04 the recall reaches its journey', () => {
  it('QA-04 signals the journey of the donor code with the recall notice', async () => {
    const temporal = new RecordingTemporal();
    await new SignalJourneyRecallsUseCase(temporal).execute(envelope('recall.notified.v1', notice));
    expect(temporal.signals).toEqual([[`journey-${DONOR}`, recallNoticeSignal, notice]]);
  });

  it('QA-04 skips a journey that no longer runs, and leaves other events alone', async () => {
    const gone = new RecordingTemporal(false);
    await expect(
      new SignalJourneyRecallsUseCase(gone).execute(envelope('recall.notified.v1', notice)),
    ).resolves.toBeUndefined();
    const temporal = new RecordingTemporal();
    await new SignalJourneyRecallsUseCase(temporal).execute(
      envelope('deviation.raised.v1', notice),
    );
    expect(temporal.signals).toEqual([]);
  });

  it('QA-04 refuses (sets aside) a recall notice that breaks its contract', async () => {
    const temporal = new RecordingTemporal();
    const broken = envelope('recall.notified.v1', { ...notice, recallId: 'not-a-uuid' });
    await expect(new SignalJourneyRecallsUseCase(temporal).execute(broken)).rejects.toThrow(
      /recallId/,
    );
    expect(temporal.signals).toEqual([]);
  });
});
