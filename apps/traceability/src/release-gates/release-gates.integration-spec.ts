import type { DataSource } from 'typeorm';
import { LedgerRepository } from '../ledger/ledger.repository';
import { editContent, envelopeOf } from '../ledger/__tests__/ledger-tampering';
import { ledgerDatabases, newChainDonorCode } from '../ledger/__tests__/ledger-databases';
import { LedgerChainReleaseGatesUseCase } from './usecases/ledger-chain-release-gates.usecase';

// Real PostgreSQL, the traceability schema as migrated. `owner` has the schema owner's rights
// (the tamperer who can switch the append-only trigger off); `service` is the services' role.
let owner: DataSource;
let service: DataSource;
beforeAll(async () => {
  ({ owner, service } = await ledgerDatabases());
});
afterAll(async () => {
  await service?.destroy();
  await owner?.destroy();
});

async function chainOf(events: number) {
  const donorCode = newChainDonorCode('I0004');
  const ledger = new LedgerRepository(service);
  await service.transaction(async (m) => {
    for (let i = 1; i <= events; i++) await ledger.append(m, donorCode, envelopeOf(donorCode, i));
  });
  const gates = new LedgerChainReleaseGatesUseCase(ledger);
  const query = { donorCode, batchNumber: 'B-IT-1', journeyId: `journey-${donorCode}` };
  return { donorCode, ledger, evaluate: () => gates.execute(query) };
}

describe('the ledger chain release gate on real PostgreSQL (QA-02.4)', () => {
  it('QA-02.4 settles an intact chain and blocks it once tampered', async () => {
    const { donorCode, evaluate } = await chainOf(3);
    expect(await evaluate()).toEqual([
      {
        item: 'QA-02.4',
        answeredBy: 'traceability',
        status: 'settled',
        detail: `the ledger chain of ${donorCode} verifies intact over 3 entries, each naming ${donorCode} and journey-${donorCode}`,
        openRecords: [],
        contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);

    await editContent(owner, donorCode, 2, (text) => text.replace('step 2', 'step 22'));
    try {
      const [gate] = await evaluate();
      expect(gate).toMatchObject({
        status: 'blocked',
        detail: `the ledger chain of ${donorCode} is broken at entry 2 (CONTENT_HASH_MISMATCH)`,
        openRecords: [`${donorCode}#2`],
      });
    } finally {
      // The whole ledger is verified by later tests (the e2e integrity check): put it back.
      await editContent(owner, donorCode, 2, (text) => text.replace('step 22', 'step 2'));
    }
  });

  it('QA-02.4 is open for a donor code with no custody event yet', async () => {
    const donorCode = newChainDonorCode('I0004');
    const gates = new LedgerChainReleaseGatesUseCase(new LedgerRepository(service));
    const [gate] = await gates.execute({
      donorCode,
      batchNumber: 'B-IT-2',
      journeyId: `journey-${donorCode}`,
    });
    expect(gate).toMatchObject({ status: 'open', openRecords: [donorCode] });
  });
});
