import { DomainError } from './domain-error';
import { uniqueViolationConstraint, uniqueViolationRefusal } from './unique-violation';

const violation = Object.assign(new Error('duplicate key value violates unique constraint'), {
  code: '23505',
  constraint: 'UQ_batch_donor_code',
  detail: 'Key (donor_code)=(B) already exists.',
});

describe('unique violations', () => {
  it('CSV-04 names the constraint of a unique violation and nothing else', () => {
    expect(uniqueViolationConstraint(violation)).toBe('UQ_batch_donor_code');
    expect(uniqueViolationConstraint(Object.assign(new Error('x'), { code: '23503' }))).toBe(
      undefined,
    );
    expect(uniqueViolationConstraint(undefined)).toBeUndefined();
  });

  it('CSV-04 turns a unique violation into a RECORD_ALREADY_EXISTS conflict with a sentence', () => {
    const refusal = uniqueViolationRefusal(violation);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: 'RECORD_ALREADY_EXISTS',
      message:
        'the record already exists (UQ_batch_donor_code: Key (donor_code)=(B) already exists.)',
      details: { constraint: 'UQ_batch_donor_code' },
    });
    expect(uniqueViolationRefusal(new Error('connection reset'))).toBeUndefined();
  });
});
