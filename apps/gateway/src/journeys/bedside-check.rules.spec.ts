import { requireSecondClinician, type ClinicianAccount } from './bedside-check.rules';

const nurse = { username: 'hospital', institutionId: 'INST-001' };
const account = (over: Partial<ClinicianAccount> = {}): ClinicianAccount => ({
  username: 'hospital-2',
  role: 'hospital',
  institutionId: 'INST-001',
  disabled: false,
  ...over,
});
const trained = [
  {
    operation: 'recordInfusion',
    trainedOn: '2026-01-01',
    expiresOn: '2027-12-31',
    assessment: { result: 'passed' as const },
  },
];
const today = '2026-12-01';
const second = (a: ClinicianAccount | undefined) => ({ username: 'hospital-2', account: a });

describe('requireSecondClinician', () => {
  it('OTH-02 accepts a trained, active clinician of the same institution', () => {
    expect(() => requireSecondClinician(nurse, second(account()), trained, today)).not.toThrow();
  });

  it('OTH-02 refuses a second clinician not trained and assessed for the infusion, naming them', () => {
    expect(() => requireSecondClinician(nurse, second(account()), [], today)).toThrow(
      expect.objectContaining({
        code: 'OTH-02',
        message:
          'hospital-2 holds no training record and authorization for recordInfusion (OTH-02)',
      }),
    );
    const unassessed = [{ ...trained[0], assessment: null }];
    expect(() => requireSecondClinician(nurse, second(account()), unassessed, today)).toThrow(
      expect.objectContaining({
        code: 'OTH-02',
        message: "hospital-2's training for recordInfusion has no passed assessment (OTH-02)",
      }),
    );
    const expired = [{ ...trained[0], expiresOn: '2026-06-30' }];
    expect(() => requireSecondClinician(nurse, second(account()), expired, today)).toThrow(
      expect.objectContaining({ code: 'OTH-02', message: expect.stringContaining('expired') }),
    );
  });

  it('OTH-02 refuses another institution’s clinician exactly as an unknown account', () => {
    const refusal = (a: ClinicianAccount | undefined) => {
      try {
        requireSecondClinician(nurse, second(a), trained, today);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const foreign = refusal(account({ institutionId: 'INST-002' }));
    expect(foreign).toMatchObject({
      code: 'OTH-02',
      message:
        "hospital-2 is not an active clinician of INST-001: the bedside check's second verification is by one (OTH-02)",
    });
    expect(refusal(undefined)).toEqual(foreign);
  });

  it('OTH-02 refuses a disabled account and a user of another role', () => {
    for (const a of [account({ disabled: true }), account({ role: 'operator' })])
      expect(() => requireSecondClinician(nurse, second(a), trained, today)).toThrow(
        expect.objectContaining({ code: 'OTH-02' }),
      );
  });
});
