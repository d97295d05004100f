import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  ChainExport,
  checkpointContent,
  checkpointSigningPublicKey,
  signCheckpoint,
} from '@v2v/integrity';
import { pollUntil } from '@v2v/testing';
import { api, newOrder, screen } from './support/journeys';

const REPO = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'v2v-export-'));

/** `npm run verify -- --offline <file>` as an inspector runs it: no database involved. */
function verifyOffline(file: string, ...extra: string[]) {
  return new Promise<{ code: number; output: string }>((done) => {
    execFile(
      'npm',
      ['run', '--silent', 'verify', '--', '--offline', file, ...extra],
      // No DATABASE_URL: the offline verifier must not need one.
      { cwd: REPO, env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test' } },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        done({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

interface JourneyExport {
  donorCode: string;
  ledger: ChainExport;
}

describe("a journey's export.json checked offline against its signed checkpoint", () => {
  it('CSV-01 TRC-01 verifies the downloaded export, names one changed byte and refuses a checkpoint signed with another key', async () => {
    const order = await newOrder();
    await screen(order);
    const exported = await pollUntil('two entries of the journey in its export', async () => {
      const res = await api.as<JourneyExport>(
        'qa-qp',
        'GET',
        `/api/journeys/${order.donorCode}/export.json`,
      );
      return res.status === 200 && res.body.ledger.entries.length >= 2 ? res.body : undefined;
    });
    expect(exported.donorCode).toBe(order.donorCode);
    expect(exported.ledger.checkpoint.heads).toEqual([
      expect.objectContaining({ chainId: order.donorCode, seq: exported.ledger.entries.length }),
    ]);
    expect(
      (await api.as('operator', 'GET', `/api/journeys/${order.donorCode}/export.json`)).status,
    ).toBe(403);

    // The CSV export prints the checkpoint of the same head with its signature.
    const head = exported.ledger.checkpoint.heads[0];
    const csv = await api.as<string>('ops', 'GET', `/api/journeys/${order.donorCode}/export.csv`);
    expect(csv.status).toBe(200);
    expect(csv.body).toContain(`export,checkpoint.entryHash,${head.entryHash}`);
    expect(csv.body).toMatch(/export,checkpoint\.signature,[A-Za-z0-9+/]{86}==/);

    const text = JSON.stringify(exported, null, 2);
    const intact = await verifyOffline(write('intact.json', text));
    expect(intact).toMatchObject({ code: 0, output: expect.stringMatching(/^intact /m) });
    const devKey = write(
      'checkpoint.pub',
      checkpointSigningPublicKey({ NODE_ENV: 'test' })
        .export({ type: 'spki', format: 'pem' })
        .toString(),
    );
    expect((await verifyOffline(write('intact-2.json', text), '--public-key', devKey)).code).toBe(
      0,
    );

    // One byte of the first entry's stored content: `r` becomes `R`.
    const edited = text.replace('donor.registered.v1', 'donor.Registered.v1');
    expect(edited.length).toBe(text.length);
    expect(edited).not.toBe(text);
    const broken = await verifyOffline(write('one-byte.json', edited));
    expect(broken.code).toBe(1);
    expect(broken.output).toMatch(/CONTENT_HASH_MISMATCH: chain \S+ entry \d+/);

    const otherKey = generateKeyPairSync('ed25519').privateKey;
    const { kind, takenAt, heads } = exported.ledger.checkpoint;
    const forged = {
      ...exported,
      ledger: {
        ...exported.ledger,
        checkpoint: signCheckpoint(checkpointContent(kind, takenAt, heads), otherKey),
      },
    };
    const refused = await verifyOffline(write('other-key.json', JSON.stringify(forged)));
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('CHECKPOINT_SIGNATURE_INVALID');
  });
});
