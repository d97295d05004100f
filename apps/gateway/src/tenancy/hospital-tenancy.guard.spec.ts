import type { ExecutionContext } from '@nestjs/common';
import { DomainError } from '@v2v/contracts';
import type { DonorRegisterClient } from './donor-register.client';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { HospitalTenancyGuard } from './hospital-tenancy.guard';

const OWN = 'A99991500000100M';
const UNKNOWN = 'A99991500000200K';
const user = (role: AuthenticatedUser['role'], institutionId: string | null = null) => ({
  userId: `u-${role}`,
  username: role,
  role,
  institutionId,
});
const inst1 = user('hospital', 'INST-001');
const inst2 = user('hospital', 'INST-002');

function guard(register: Record<string, string> | 'down') {
  const lookups: string[] = [];
  const client = {
    institutionOf: async (code: string) => {
      lookups.push(code);
      if (register === 'down') throw new DomainError('SERVICE_UNAVAILABLE', 'donor-intake down');
      return register[code];
    },
  } as unknown as DonorRegisterClient;
  return { guard: new HospitalTenancyGuard(client), lookups };
}

const ask = (g: HospitalTenancyGuard, who: object | undefined, params: Record<string, string>) =>
  g
    .canActivate({
      switchToHttp: () => ({ getRequest: () => ({ user: who, params }) }),
    } as unknown as ExecutionContext)
    .catch((error: unknown) => error);

describe('HospitalTenancyGuard', () => {
  it("CSV-03 lets a hospital user reach its own institution's donor code, with one lookup", async () => {
    const { guard: g, lookups } = guard({ [OWN]: 'INST-001' });
    expect(await ask(g, inst1, { donorCode: OWN })).toBe(true);
    expect(lookups).toEqual([OWN]);
  });

  it("CSV-03 answers another institution's code exactly as an unknown one, and keeps why", async () => {
    const { guard: g } = guard({ [OWN]: 'INST-001' });
    const foreign = (await ask(g, inst2, { donorCode: OWN })) as DomainError & {
      recordedReason: string;
    };
    const unknown = (await ask(g, inst2, { donorCode: UNKNOWN })) as DomainError & {
      recordedReason: string;
    };
    const answer = (e: DomainError, code: string) => ({
      code: e.code,
      message: e.message.replace(code, '<code>'),
      details: e.details,
    });
    expect(answer(foreign, OWN)).toEqual({
      code: 'NOT_FOUND',
      message: 'no journey for donor code <code>',
      details: {},
    });
    expect(answer(unknown, UNKNOWN)).toEqual(answer(foreign, OWN));
    expect(foreign.recordedReason).toContain('registered to INST-001');
    expect(unknown.recordedReason).toContain('not on the donor register');
  });

  it('CSV-03 answers every role 404 for a code that is not on the register', async () => {
    const { guard: g } = guard({ [OWN]: 'INST-001' });
    for (const who of [user('ops'), user('operator'), user('qa-qp')]) {
      expect(await ask(g, who, { donorCode: UNKNOWN })).toMatchObject({ code: 'NOT_FOUND' });
      expect(await ask(g, who, { donorCode: OWN })).toBe(true);
    }
  });

  it('CSV-03 fails closed when the donor register cannot answer', async () => {
    const { guard: g } = guard('down');
    expect(await ask(g, inst1, { donorCode: OWN })).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(await ask(g, user('ops'), { donorCode: OWN })).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
    });
  });

  it('TRC-02 refuses a malformed donor code before any lookup', async () => {
    const { guard: g, lookups } = guard({});
    expect(await ask(g, inst1, { donorCode: 'A99991500000100X' })).toMatchObject({
      code: 'TRC-02',
    });
    expect(lookups).toEqual([]);
  });

  it("CSV-03 answers another institution's record as an unknown one", async () => {
    const { guard: g } = guard({});
    expect(await ask(g, inst2, { institutionId: 'INST-001' })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'no institution INST-001',
    });
    expect(await ask(g, inst1, { institutionId: 'INST-001' })).toBe(true);
    expect(await ask(g, user('qa-qp'), { institutionId: 'INST-001' })).toBe(true);
  });

  it('leaves routes without a donor code or institution, and public ones, to their own checks', async () => {
    const { guard: g, lookups } = guard('down');
    expect(await ask(g, inst1, {})).toBe(true);
    expect(await ask(g, undefined, { donorCode: OWN })).toBe(true);
    expect(lookups).toEqual([]);
  });
});
