import type { Client } from '@temporalio/client';
import { type EventEnvelope, deviationRaisedSignal } from '@v2v/contracts';
import { TemporalClientPort } from '@v2v/service-kit';
import { SignalJourneyDeviationsUseCase } from './signal-journey-deviations.usecase';

const DONOR = '=Z999926000001007';

/** Records each signal instead of reaching Temporal. */
class RecordingTemporal extends TemporalClientPort {
  readonly signals: unknown[][] = [];
  client(): Promise<Client> {
    throw new Error('not used: signalIfRunning is recorded');
  }
  override async signalIfRunning(...args: unknown[]): Promise<boolean> {
    this.signals.push(args);
    return true;
  }
}

const envelope = (messageType: string, detail: Record<string, unknown>): EventEnvelope => ({
  id: '6d3f1c6e-9a0b-4a5e-8f0c-2b1d9e7a4c11',
  aggregateType: 'journey',
  aggregateId: DONOR,
  messageType,
  occurredAt: '2026-11-04T08:00:00.000Z',
  payload: {
    donorCode: DONOR,
    journeyId: `journey-${DONOR}`,
    actor: { userId: 'system', role: 'ops' },
    recordId: 'd-1',
    summary: 'settle-plate excursion in room CP1-R01',
    detail,
  },
  metadata: { producer: 'production' },
});

const emDetail = {
  source: 'em-excursion',
  deviationId: 'd-1',
  rule: 'PRD-05',
  excursionId: 'x-1',
  detectedAt: '2026-11-04T08:00:00.000Z',
  description: 'settle-plate excursion in room CP1-R01 (PRD-05)',
  batchNumber: 'B-1',
};

describe('PRD-05 the excursion deviation reaches its journey', () => {
  it('PRD-05 signals the journey of the donor code with the deviation notice', async () => {
    const temporal = new RecordingTemporal();
    await new SignalJourneyDeviationsUseCase(temporal).execute(
      envelope('deviation.raised.v1', emDetail),
    );
    expect(temporal.signals).toEqual([
      [
        `journey-${DONOR}`,
        deviationRaisedSignal,
        {
          deviationId: 'd-1',
          rule: 'PRD-05',
          detectedAt: '2026-11-04T08:00:00.000Z',
          description: 'settle-plate excursion in room CP1-R01 (PRD-05)',
        },
      ],
    ]);
  });

  it("PRD-05 leaves the batch record's own deviations and other events to their own paths", async () => {
    const temporal = new RecordingTemporal();
    const useCase = new SignalJourneyDeviationsUseCase(temporal);
    await useCase.execute(envelope('deviation.raised.v1', { rule: 'GEN-01', stepId: 'FILL' }));
    await useCase.execute(envelope('batch.step-started.v1', emDetail));
    expect(temporal.signals).toEqual([]);
  });

  it('PRD-05 refuses (sets aside) an excursion deviation that breaks its contract', async () => {
    const temporal = new RecordingTemporal();
    const broken = envelope('deviation.raised.v1', { ...emDetail, detectedAt: 'yesterday' });
    await expect(new SignalJourneyDeviationsUseCase(temporal).execute(broken)).rejects.toThrow(
      /detectedAt/,
    );
    expect(temporal.signals).toEqual([]);
  });
});
