import {
  custodyEnvelope,
  InMemoryLedger,
  newDonorCode,
  registration,
} from '../ledger/__tests__/in-memory-ledger';
import { recordCustodyEvent } from '../ledger/record-custody-event';
import { TraceByDonorCodeUseCase } from './trace-by-donor-code.usecase';

const NO_MANAGER = {} as never;

describe('TraceByDonorCode', () => {
  const ledger = new InMemoryLedger();
  const record = recordCustodyEvent(ledger);
  const trace = new TraceByDonorCodeUseCase(ledger.asRepository());

  it('TRC-01 returns the patient link and every entry with what the hashed content says', async () => {
    const donorCode = newDonorCode();
    await record(registration(donorCode, 'PAT-0001', '2026-03-01T08:00:00.000Z'), NO_MANAGER);
    const collected = custodyEnvelope(donorCode, 'donor-material.collected.v1', {
      occurredAt: '2026-03-02T08:00:00.000Z',
      summary: '180 mL collected',
    });
    await record(collected, NO_MANAGER);

    const result = await trace.execute(donorCode);
    expect(result).toMatchObject({
      donorCode,
      patientReference: 'PAT-0001',
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
    });
    expect(result.entries).toHaveLength(2);
    expect(result.entries[1]).toEqual({
      seq: 2,
      eventId: collected.id,
      messageType: 'donor-material.collected.v1',
      occurredAt: '2026-03-02T08:00:00.000Z',
      recordedAt: expect.any(String),
      producer: 'unit-test',
      summary: '180 mL collected',
      actor: { userId: 'u-1', role: 'hospital-staff' },
      entryHash: ledger.heads.get(donorCode)!.entryHash,
    });
  });

  it('reads in occurrence order when events from different topics were appended out of order', async () => {
    const donorCode = newDonorCode();
    await record(registration(donorCode, 'PAT-0002', '2026-03-01T08:00:00.000Z'), NO_MANAGER);
    await record(
      custodyEnvelope(donorCode, 'donor-material.received.v1', {
        occurredAt: '2026-03-03T08:00:00.000Z',
      }),
      NO_MANAGER,
    );
    await record(
      custodyEnvelope(donorCode, 'donor-material.handed-to-courier.v1', {
        occurredAt: '2026-03-02T08:00:00.000Z',
      }),
      NO_MANAGER,
    );
    const { entries } = await trace.execute(donorCode);
    expect(entries.map((e) => [e.seq, e.messageType])).toEqual([
      [1, 'donor.registered.v1'],
      [3, 'donor-material.handed-to-courier.v1'],
      [2, 'donor-material.received.v1'],
    ]);
  });

  it('TRC-01 traces a donor code to both batches when a failed batch was re-made', async () => {
    const donorCode = newDonorCode();
    await record(registration(donorCode, 'PAT-0004', '2026-03-01T08:00:00.000Z'), NO_MANAGER);
    const branch: Array<[string, string, string]> = [
      ['batch.started.v1', '2026-03-05T08:00:00.000Z', 'batch B2026-000001 started'],
      ['batch.rejected-in-production.v1', '2026-03-09T08:00:00.000Z', 'batch rejected'],
      ['batch.remanufacture-approved.v1', '2026-03-09T09:00:00.000Z', 're-manufacture approved'],
      ['batch.started.v1', '2026-03-10T08:00:00.000Z', 'batch B2026-000002 started'],
      ['batch.completed.v1', '2026-03-20T08:00:00.000Z', 'batch completed'],
    ];
    for (const [messageType, occurredAt, summary] of branch) {
      await record(custodyEnvelope(donorCode, messageType, { occurredAt, summary }), NO_MANAGER);
    }
    const { entries } = await trace.execute(donorCode);
    expect(entries.map((e) => [e.messageType, e.summary])).toEqual([
      ['donor.registered.v1', 'donor.registered.v1'],
      ...branch.map(([messageType, , summary]) => [messageType, summary]),
    ]);
  });

  it('TRC-02 refuses a donor code whose check character is wrong', async () => {
    const donorCode = newDonorCode();
    await record(registration(donorCode, 'PAT-0003'), NO_MANAGER);
    const wrongCheck = donorCode.slice(0, -1) + (donorCode.endsWith('A') ? 'B' : 'A');
    await expect(trace.execute(wrongCheck)).rejects.toMatchObject({ code: 'TRC-02' });
    await expect(trace.execute('not-a-code')).rejects.toMatchObject({ code: 'TRC-02' });
  });

  it('answers NOT_FOUND for a valid donor code it has never seen', async () => {
    await expect(trace.execute(newDonorCode())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
