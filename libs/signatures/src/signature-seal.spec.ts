import { generateKeyPairSync } from 'node:crypto';
import { hasValidSeal, sealSignature } from './signature-seal';
import { signatureOf } from './signed-content';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const qp = { userId: 'qa-qp', role: 'qa-qp' as const };
const unsealed = () =>
  signatureOf(
    {
      step: 'releaseBatch',
      donorCode: 'H00012600000100',
      eventId: 'e-1',
      detail: { comment: 'reviewed' },
    },
    qp,
  );

describe('the gateway seal on a signature (CSV-02)', () => {
  it('CSV-02 a sealed signature verifies with the gateway key', () => {
    expect(hasValidSeal(sealSignature(unsealed(), privateKey), publicKey)).toBe(true);
  });

  it('CSV-02 a change of any sealed field breaks the seal', () => {
    const sealed = sealSignature(unsealed(), privateKey);
    const changes = [
      { signer: { userId: 'mallory', role: 'qa-qp' as const } },
      { meaning: 'rejected' },
      { signedAt: new Date(0).toISOString() },
      { signedContentHash: 'b'.repeat(64) },
      { subject: { ...sealed.subject, recordId: 'e-2' } },
      { subject: { ...sealed.subject, donorCode: 'H00012600000200' } },
    ];
    for (const change of changes) {
      expect(hasValidSeal({ ...sealed, ...change }, publicKey)).toBe(false);
    }
  });

  it('CSV-02 a seal made with another key, or garbage, does not verify', () => {
    const other = generateKeyPairSync('ed25519').privateKey;
    expect(hasValidSeal(sealSignature(unsealed(), other), publicKey)).toBe(false);
    expect(
      hasValidSeal({ ...sealSignature(unsealed(), privateKey), seal: 'AAAA' }, publicKey),
    ).toBe(false);
  });
});
