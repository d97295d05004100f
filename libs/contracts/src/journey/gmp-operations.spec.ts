import { DomainError } from '../errors/domain-error';
import { requireOperationRole } from './gmp-operations';

describe('the roles of a record operation, checked where it is recorded', () => {
  it('PER-01 refuses a batch step completed by an actor whose role does not perform it', () => {
    let refusal: unknown;
    try {
      requireOperationRole('completeBatchStep', { userId: 'qc', role: 'qc' });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: 'PER-01',
      message: 'qc (qc) is not authorized for completeBatchStep, which operator perform (PER-01)',
    });
  });

  it('PER-01 lets the operation through for a role that performs it', () => {
    expect(() =>
      requireOperationRole('recordDecontamination', { userId: 'pm', role: 'production-manager' }),
    ).not.toThrow();
  });
});
