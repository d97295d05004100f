import { nextLedgerEntry } from '../ledger/ledger-entry';
import {
  custodyEnvelope,
  InMemoryLedger,
  newDonorCode,
} from '../ledger/__tests__/in-memory-ledger';
import { ledgerChainGate } from './ledger-gate-rules';
import { LedgerChainReleaseGatesUseCase } from './usecases/ledger-chain-release-gates.usecase';

async function ledgerOf(donorCode: string, events = 3) {
  const ledger = new InMemoryLedger();
  for (let i = 0; i < events; i += 1)
    await ledger.append(
      {} as never,
      donorCode,
      custodyEnvelope(donorCode, 'collection.recorded.v1'),
    );
  return ledger;
}

const gatesOf = (ledger: InMemoryLedger, donorCode: string) =>
  new LedgerChainReleaseGatesUseCase(ledger.asRepository()).execute({
    donorCode,
    batchNumber: 'B-2026-000001',
    journeyId: `journey-${donorCode}`,
  });

describe('QA-02.4 the ledger chain of the journey', () => {
  it('QA-02.4 settles an intact chain naming the donor code, its hash unchanged as it grows', async () => {
    const donorCode = newDonorCode();
    const ledger = await ledgerOf(donorCode);
    const [gate] = await gatesOf(ledger, donorCode);
    expect(gate).toEqual({
      item: 'QA-02.4',
      answeredBy: 'traceability',
      status: 'settled',
      detail: `the ledger chain of ${donorCode} verifies intact over 3 entries, each naming ${donorCode} and journey-${donorCode}`,
      openRecords: [],
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // The release and the shipment append to the chain: a release is not void for that.
    await ledger.append({} as never, donorCode, custodyEnvelope(donorCode, 'batch.released.v1'));
    const [grown] = await gatesOf(ledger, donorCode);
    expect(grown).toMatchObject({ status: 'settled', contentHash: gate.contentHash });
  });

  it('QA-02.4 blocks a chain whose stored content was edited, naming the entry', async () => {
    const donorCode = newDonorCode();
    const ledger = await ledgerOf(donorCode);
    const second = ledger.entries[1];
    ledger.entries[1] = {
      ...second,
      canonicalContent: second.canonicalContent.replace('collection', 'Collection'),
    };
    const [gate] = await gatesOf(ledger, donorCode);
    expect(gate).toMatchObject({
      status: 'blocked',
      detail: `the ledger chain of ${donorCode} is broken at entry 2 (CONTENT_HASH_MISMATCH)`,
      openRecords: [`${donorCode}#2`],
    });
  });

  it('QA-02.4 blocks an intact chain holding an entry of another journey', async () => {
    const donorCode = newDonorCode();
    const ledger = await ledgerOf(donorCode, 1);
    const foreign = custodyEnvelope(donorCode, 'collection.recorded.v1');
    foreign.payload = { ...foreign.payload, journeyId: 'journey-someone-else' };
    await ledger.append({} as never, donorCode, foreign);
    const [gate] = await gatesOf(ledger, donorCode);
    expect(gate).toMatchObject({ status: 'blocked', openRecords: [`${donorCode}#2`] });
    expect(gate.detail).toContain('name another donor code or journey: entry 2');
  });

  it('QA-02.4 is open while no custody event of the donor code reached the ledger', () => {
    const donorCode = newDonorCode();
    const gate = ledgerChainGate({ donorCode, journeyId: `journey-${donorCode}` }, [], undefined);
    expect(gate).toMatchObject({ status: 'open', openRecords: [donorCode] });
  });

  it('QA-02.4 blocks entries left without their head row', () => {
    const donorCode = newDonorCode();
    const entry = nextLedgerEntry(
      { chainId: donorCode, seq: 0, entryHash: '0'.repeat(64) },
      custodyEnvelope(donorCode, 'collection.recorded.v1'),
    );
    const gate = ledgerChainGate(
      { donorCode, journeyId: `journey-${donorCode}` },
      [entry],
      undefined,
    );
    expect(gate.status).toBe('blocked');
  });
});
