import { passwordPolicyError, passwordPolicyViolations } from './password-policy';

describe('password policy', () => {
  it('CSV-03 accepts a long password unrelated to the username', () => {
    expect(passwordPolicyViolations('amber-tundra-41-violin', 'nurse.li')).toEqual([]);
  });

  it('CSV-03 refuses fewer than 12 characters, counting characters, not bytes', () => {
    expect(passwordPolicyViolations('k7#tundra-4', 'nurse.li')).toEqual([
      'must be at least 12 characters',
    ]);
    expect(passwordPolicyViolations('细胞治疗产品生产质量管理', 'nurse.li')).toEqual([]);
  });

  it('CSV-03 refuses a password longer than the 72 bytes bcrypt reads', () => {
    expect(passwordPolicyViolations('细'.repeat(25), 'nurse.li')).toEqual([
      'must be at most 72 bytes',
    ]);
  });

  it('CSV-03 refuses a password containing the username, whatever the case and punctuation', () => {
    expect(passwordPolicyViolations('my-NURSE-LI-tundra-41', 'nurse.li')).toEqual([
      'must not contain the username',
    ]);
  });

  it.each(['change-me-now', 'Change-Me-Now-2026', 'password2026!!', 'Vein-to-Vein-2026'])(
    'CSV-03 refuses the well-known default %s',
    (password) => {
      expect(passwordPolicyViolations(password, 'nurse.li')).toContain(
        'must not be built on a well-known default password',
      );
    },
  );

  it('CSV-03 names every violation at once', () => {
    expect(passwordPolicyViolations('changeme', 'changeme')).toEqual([
      'must be at least 12 characters',
      'must not contain the username',
      'must not be built on a well-known default password',
    ]);
  });
});

describe('password policy refusal', () => {
  it('CSV-03 names the field of a refused password for the 400', () => {
    expect(passwordPolicyError('temporaryPassword', 'short', 'nurse.li')).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        fieldErrors: [{ path: 'temporaryPassword', message: 'must be at least 12 characters' }],
      },
    });
    expect(passwordPolicyError('temporaryPassword', 'amber-tundra-41', 'nurse.li')).toBeUndefined();
  });
});
