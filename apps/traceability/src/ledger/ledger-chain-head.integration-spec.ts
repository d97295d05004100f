import type { DataSource } from 'typeorm';
import { VerifyLedgerUseCase } from '../usecases/verify-ledger.usecase';
import { LedgerRepository } from './ledger.repository';
import { envelopeOf } from './__tests__/ledger-tampering';
import { ledgerDatabases, newChainDonorCode } from './__tests__/ledger-databases';

// Real PostgreSQL, the traceability schema as migrated. `owner` has the schema owner's rights
// (a tamperer who can do anything the triggers allow); `service` is the services' role.
let owner: DataSource;
let service: DataSource;
beforeAll(async () => {
  ({ owner, service } = await ledgerDatabases());
});

afterAll(async () => {
  await service?.destroy();
  await owner?.destroy();
});

const donorCode = () => newChainDonorCode('I0002');

describe('ledger chain heads (TRC-01, CSV-01)', () => {
  it('TRC-01 keeps a chain head forward-only: no delete for the service role, and no one moves it back or to a missing entry', async () => {
    const chain = donorCode();
    const ledger = new LedgerRepository(service);
    await service.transaction(async (m) => {
      for (let i = 1; i <= 3; i++) await ledger.append(m, chain, envelopeOf(chain, i));
    });
    const [second] = await owner.query(
      `SELECT entry_hash FROM traceability.ledger_entry WHERE chain_id = $1 AND seq = 2`,
      [chain],
    );
    const head = 'traceability.ledger_chain_head';
    await expect(service.query(`DELETE FROM ${head} WHERE chain_id = $1`, [chain])).rejects.toThrow(
      /permission denied/,
    );
    // Cutting the tail and pointing the head at the new last entry is what verify cannot see.
    const attempts: Array<[string, unknown[]]> = [
      [
        `UPDATE ${head} SET seq = 2, entry_hash = $2 WHERE chain_id = $1`,
        [chain, second.entry_hash],
      ],
      [`UPDATE ${head} SET seq = 4, entry_hash = $2 WHERE chain_id = $1`, [chain, 'f'.repeat(64)]],
      [`DELETE FROM ${head} WHERE chain_id = $1`, [chain]],
      [`TRUNCATE ${head}`, []],
    ];
    for (const [sql, params] of attempts)
      await expect(owner.query(sql, params)).rejects.toThrow(/\(TRC-01\)/);
    const verify = await new VerifyLedgerUseCase(ledger).execute({ donorCode: chain });
    expect(verify).toMatchObject({ valid: true, entriesChecked: 3 });
  });
});
