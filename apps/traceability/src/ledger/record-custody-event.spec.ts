import { ZodError } from 'zod';
import {
  custodyEnvelope,
  InMemoryLedger,
  newDonorCode,
  registration,
} from './__tests__/in-memory-ledger';
import { recordCustodyEvent } from './record-custody-event';

const NO_MANAGER = {} as never;

describe('recording a consumed custody event', () => {
  it('TRC-01 appends every event to its donor chain and links the donor to the patient on registration', async () => {
    const ledger = new InMemoryLedger();
    const donorCode = newDonorCode();
    await recordCustodyEvent(ledger)(registration(donorCode, 'PAT-0100'), NO_MANAGER);
    await recordCustodyEvent(ledger)(
      custodyEnvelope(donorCode, 'collection.scheduled.v1'),
      NO_MANAGER,
    );
    expect(ledger.entries.map((e) => [e.chainId, e.seq, e.messageType])).toEqual([
      [donorCode, 1, 'donor.registered.v1'],
      [donorCode, 2, 'collection.scheduled.v1'],
    ]);
    expect(ledger.links).toEqual([
      expect.objectContaining({
        donorCode,
        patientReference: 'PAT-0100',
        institutionId: 'INST-001',
        productCode: 'CART-CD19',
      }),
    ]);
  });

  it('keys the chain by the canonical donor code', async () => {
    const ledger = new InMemoryLedger();
    const donorCode = newDonorCode();
    const envelope = custodyEnvelope(donorCode, 'collection.scheduled.v1');
    await recordCustodyEvent(ledger)(
      { ...envelope, aggregateId: donorCode.toLowerCase() },
      NO_MANAGER,
    );
    expect(ledger.entries[0].chainId).toBe(donorCode);
  });

  it.each([
    [
      'a registration without its patient reference',
      (code: string) =>
        custodyEnvelope(code, 'donor.registered.v1', {
          detail: { institutionId: 'I', productCode: 'P' },
        }),
    ],
    [
      'an event keyed by a code with a wrong check character',
      (code: string) => {
        const bad = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
        const e = custodyEnvelope(code, 'collection.scheduled.v1');
        return { ...e, aggregateId: bad, payload: { ...e.payload, donorCode: bad } };
      },
    ],
    [
      'an event whose payload names another donor',
      (code: string) => ({
        ...custodyEnvelope(code, 'collection.scheduled.v1'),
        aggregateId: newDonorCode(),
      }),
    ],
    [
      'an event that is not a custody event',
      (code: string) => ({
        ...custodyEnvelope(code, 'collection.scheduled.v1'),
        payload: { donorCode: code },
      }),
    ],
  ])('refuses %s with a ZodError before writing anything', async (_what, build) => {
    const ledger = new InMemoryLedger();
    await expect(
      recordCustodyEvent(ledger)(build(newDonorCode()), NO_MANAGER),
    ).rejects.toBeInstanceOf(ZodError);
    expect(ledger.entries).toEqual([]);
    expect(ledger.links).toEqual([]);
  });
});
