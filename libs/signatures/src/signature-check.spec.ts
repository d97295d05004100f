import { ElectronicSignature } from '@v2v/contracts';
import {
  assertSignatureMadeFor,
  SignatureExpectation,
  signatureMismatches,
} from './signature-check';

const signature: ElectronicSignature = {
  signatureId: '00000000-0000-4000-8000-000000000001',
  signer: { userId: 'qa-qp', role: 'qa-qp' },
  meaning: 'released',
  signedAt: '2026-12-01T08:00:00.000Z',
  signedContentHash: 'a'.repeat(64),
  subject: { recordType: 'releaseBatch', recordId: 'e-1', donorCode: 'H00012600000100' },
  seal: 'c2VhbA==',
};
const expected: SignatureExpectation = {
  meaning: 'released',
  decidedBy: { userId: 'qa-qp' },
  signerRole: 'qa-qp',
  subject: { recordType: 'releaseBatch', recordId: 'e-1', donorCode: 'H00012600000100' },
  contentHash: 'a'.repeat(64),
};

describe('a signature checked where its decision is recorded (CSV-02, PER-03)', () => {
  it('CSV-02 accepts the sealed signature made for this decision by its decider', () => {
    expect(signatureMismatches(signature, expected, true)).toEqual([]);
    expect(() => assertSignatureMadeFor(signature, expected, true)).not.toThrow();
  });

  it('CSV-02 refuses a signature the gateway did not seal', () => {
    expect(() => assertSignatureMadeFor(signature, expected, false)).toThrow(
      expect.objectContaining({ code: 'CSV-02', message: expect.stringContaining('seal') }),
    );
  });

  it('CSV-02 refuses a signature by someone other than the decider', () => {
    expect(
      signatureMismatches(signature, { ...expected, decidedBy: { userId: 'qa-2' } }, true),
    ).toEqual([expect.stringContaining("the decision is qa-2's")]);
  });

  it('CSV-02 refuses a signature of another meaning', () => {
    expect(signatureMismatches(signature, { ...expected, meaning: 'rejected' }, true)).toEqual([
      expect.stringContaining("it means 'released'"),
    ]);
  });

  it('CSV-02 refuses a signature made for another record or another journey (replay)', () => {
    for (const subject of [
      { ...expected.subject, recordId: 'e-2' },
      { ...expected.subject, recordType: 'releaseMaterial' },
      { ...expected.subject, donorCode: 'H00012600000200' },
      { recordType: 'releaseBatch', recordId: 'e-1' },
    ]) {
      expect(signatureMismatches(signature, { ...expected, subject }, true)).toEqual([
        expect.stringContaining('it was made for releaseBatch e-1'),
      ]);
    }
  });

  it('CSV-02 refuses a signature over other content', () => {
    expect(
      signatureMismatches(signature, { ...expected, contentHash: 'b'.repeat(64) }, true),
    ).toEqual(['the signed content is not the content being recorded']);
  });

  it('PER-03 refuses a sealed signature by a signer without the role the meaning needs', () => {
    const byOps = { ...signature, signer: { userId: 'qa-qp', role: 'ops' as const } };
    expect(() => assertSignatureMadeFor(byOps, expected, true)).toThrow(
      expect.objectContaining({ code: 'PER-03' }),
    );
  });
});
