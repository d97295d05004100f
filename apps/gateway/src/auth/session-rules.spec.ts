import type { AuthenticatedUser } from './authenticated-user';
import { sessionVerdict } from './session-rules';

const claims: AuthenticatedUser & { iat: number } = {
  userId: 'u-1',
  username: 'nurse.li',
  role: 'hospital',
  institutionId: 'INST-007',
  iat: Date.parse('2026-11-25T08:00:00Z') / 1000,
};
const account = {
  role: 'hospital' as const,
  institutionId: 'INST-007',
  disabledAt: null,
  mustChangePassword: false,
  passwordChangedAt: null,
};
const anyRoute = { passwordChange: false };

describe('session verdict', () => {
  it('CSV-03 lets a token of an active, unchanged account through', () => {
    expect(sessionVerdict(claims, account, anyRoute)).toEqual({ allowed: true });
  });

  it('CSV-03 ends the session of a disabled or removed account at once', () => {
    expect(sessionVerdict(claims, { ...account, disabledAt: new Date() }, anyRoute)).toMatchObject({
      allowed: false,
      status: 401,
      reason: 'account disabled',
    });
    expect(sessionVerdict(claims, null, anyRoute)).toMatchObject({ allowed: false, status: 401 });
  });

  it('CSV-03 ends the session when the role or the institution changed', () => {
    expect(sessionVerdict(claims, { ...account, role: 'operator' }, anyRoute)).toMatchObject({
      status: 401,
    });
    expect(
      sessionVerdict(claims, { ...account, institutionId: 'INST-001' }, anyRoute),
    ).toMatchObject({ status: 401 });
  });

  it('CSV-03 ends a session issued before the password changed, not one issued in that second or after', () => {
    const changed = (iso: string) => ({ ...account, passwordChangedAt: new Date(iso) });
    expect(sessionVerdict(claims, changed('2026-11-25T08:00:01Z'), anyRoute)).toMatchObject({
      status: 401,
      reason: 'password changed since the token was issued',
    });
    expect(sessionVerdict(claims, changed('2026-11-25T08:00:00.900Z'), anyRoute)).toEqual({
      allowed: true,
    });
  });

  it('CSV-03 lets an account that must change its password reach only the password change', () => {
    const flagged = { ...account, mustChangePassword: true };
    expect(sessionVerdict(claims, flagged, anyRoute)).toEqual({
      allowed: false,
      status: 403,
      code: 'PASSWORD_CHANGE_REQUIRED',
      reason: 'the account must change its password first',
    });
    expect(sessionVerdict(claims, flagged, { passwordChange: true })).toEqual({ allowed: true });
  });

  it('CSV-03 never lets a token issued while a change was due become a full session', () => {
    expect(
      sessionVerdict({ ...claims, mustChangePassword: true }, account, { passwordChange: true }),
    ).toMatchObject({ status: 401, reason: 'password changed since the token was issued' });
  });
});
