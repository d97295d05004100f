import { assertNotOwnAccount, trainingOperationProblem } from './user-administration-rules';

describe('user administration rules', () => {
  it('CSV-03 refuses an administrator changing their own account', () => {
    expect(() => assertNotOwnAccount({ username: 'admin.wang' }, 'admin.wang', 'disable')).toThrow(
      expect.objectContaining({
        code: 'SELF_ADMINISTRATION',
        message: expect.stringContaining('cannot disable their own account'),
      }),
    );
    expect(() =>
      assertNotOwnAccount({ username: 'admin.wang' }, 'nurse.li', 'disable'),
    ).not.toThrow();
  });

  it("PER-01 records training only for a step of the user's role", () => {
    expect(trainingOperationProblem('hospital', 'recordCollection')).toBeUndefined();
    expect(trainingOperationProblem('operator', 'recordCollection')).toBe(
      'recordCollection is not an operation of the role operator (hospital only)',
    );
  });

  it.each(['admin', 'data-logger'] as const)(
    'PER-01 records no training for the %s role, which takes no journey step',
    (role) => {
      expect(trainingOperationProblem(role, 'startProduction')).toMatch(/not an operation/);
    },
  );
});
