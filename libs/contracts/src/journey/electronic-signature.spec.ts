import { assertSignatureFor } from './electronic-signature';

const signature = { meaning: 'released', signer: { userId: 'qa-qp', role: 'qa-qp' as const } };

describe('a signature recorded with its decision (CSV-02)', () => {
  it('CSV-02 accepts the signature made for this decision by this signer', () => {
    expect(() => assertSignatureFor(signature, 'released', { userId: 'qa-qp' })).not.toThrow();
  });

  it('CSV-02 refuses a signature of another meaning or another signer', () => {
    expect(() => assertSignatureFor(signature, 'rejected', { userId: 'qa-qp' })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining("it means 'released'"),
      }),
    );
    expect(() => assertSignatureFor(signature, 'released', { userId: 'qa-2' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});
