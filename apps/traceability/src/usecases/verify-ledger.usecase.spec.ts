import { canonicalContent, contentHash, headsHash } from '@v2v/integrity';
import {
  custodyEnvelope,
  InMemoryLedger,
  newDonorCode,
} from '../ledger/__tests__/in-memory-ledger';
import { VerifyLedgerUseCase } from './verify-ledger.usecase';

const NO_MANAGER = {} as never;

async function ledgerWith(chains: number, length: number) {
  const ledger = new InMemoryLedger();
  const codes = Array.from({ length: chains }, newDonorCode).sort();
  for (const code of codes) {
    for (let i = 0; i < length; i++)
      await ledger.append(
        NO_MANAGER,
        code,
        custodyEnvelope(code, 'batch.started.v1', { detail: { step: i + 1 } }),
      );
  }
  return { ledger, codes, verify: new VerifyLedgerUseCase(ledger.asRepository()) };
}

describe('VerifyLedger on in-memory rows', () => {
  it('recomputes every chain and returns the head hash over all chain heads in chain-id order', async () => {
    const { ledger, verify } = await ledgerWith(3, 4);
    const result = await verify.execute();
    expect(result).toEqual({
      valid: true,
      chainsChecked: 3,
      entriesChecked: 12,
      ledgerHeadHash: headsHash([...ledger.heads.values()]),
    });
    expect(result.ledgerHeadHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes the ledger head hash with every append', async () => {
    const { ledger, codes, verify } = await ledgerWith(2, 1);
    const before = (await verify.execute()).ledgerHeadHash;
    await ledger.append(NO_MANAGER, codes[1], custodyEnvelope(codes[1], 'batch.completed.v1'));
    expect((await verify.execute()).ledgerHeadHash).not.toBe(before);
  });

  it('stops at the first broken chain and names the edited entry', async () => {
    const { ledger, codes, verify } = await ledgerWith(3, 3);
    const target = ledger.entries.find((e) => e.chainId === codes[1] && e.seq === 2)!;
    target.canonicalContent = target.canonicalContent.replace('"step":2', '"step":3');
    expect(await verify.execute()).toMatchObject({
      valid: false,
      chainsChecked: 2,
      entriesChecked: 6,
      firstBroken: { chainId: codes[1], seq: 2, reason: 'CONTENT_HASH_MISMATCH' },
    });
  });

  it('names an entry re-hashed after an edit by the broken link it leaves', async () => {
    const { ledger, codes, verify } = await ledgerWith(1, 3);
    const target = ledger.entries.find((e) => e.seq === 2)!;
    target.canonicalContent = canonicalContent({ forged: true });
    target.contentHash = contentHash(target.canonicalContent);
    expect((await verify.execute()).firstBroken).toEqual({
      chainId: codes[0],
      seq: 2,
      reason: 'CHAIN_LINK_MISMATCH',
    });
  });

  it('names a removed entry in the middle, and one removed from the end, as SEQUENCE_GAP', async () => {
    const middle = await ledgerWith(1, 3);
    middle.ledger.entries.splice(1, 1);
    expect((await middle.verify.execute()).firstBroken).toEqual({
      chainId: middle.codes[0],
      seq: 3,
      reason: 'SEQUENCE_GAP',
    });

    const tail = await ledgerWith(1, 3);
    tail.ledger.entries.pop();
    expect((await tail.verify.execute()).firstBroken).toEqual({
      chainId: tail.codes[0],
      seq: 3,
      reason: 'SEQUENCE_GAP',
    });
  });

  it('still checks a chain whose head row was removed', async () => {
    const { ledger, codes, verify } = await ledgerWith(2, 2);
    ledger.heads.delete(codes[0]);
    expect(await verify.execute()).toMatchObject({
      valid: false,
      firstBroken: { chainId: codes[0], seq: 2, reason: 'CHAIN_LINK_MISMATCH' },
    });
  });

  it('checks one chain when given a donor code, in any accepted spelling', async () => {
    const { ledger, codes, verify } = await ledgerWith(2, 2);
    ledger.entries.find((e) => e.chainId === codes[0])!.canonicalContent += ' ';
    expect(await verify.execute({ donorCode: codes[1].toLowerCase() })).toMatchObject({
      valid: true,
      chainsChecked: 1,
      entriesChecked: 2,
    });
    expect((await verify.execute({ donorCode: codes[0] })).valid).toBe(false);
  });

  it('TRC-02 refuses a donor code with a wrong check character; an unknown one is NOT_FOUND', async () => {
    const { codes, verify } = await ledgerWith(1, 1);
    const wrongCheck = codes[0].slice(0, -1) + (codes[0].endsWith('A') ? 'B' : 'A');
    await expect(verify.execute({ donorCode: wrongCheck })).rejects.toMatchObject({
      code: 'TRC-02',
    });
    await expect(verify.execute({ donorCode: newDonorCode() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('calls an empty ledger valid', async () => {
    const { verify } = await ledgerWith(0, 0);
    expect(await verify.execute()).toMatchObject({
      valid: true,
      chainsChecked: 0,
      entriesChecked: 0,
    });
  });
});
