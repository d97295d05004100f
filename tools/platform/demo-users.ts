import { RECORD_OPERATIONS, type Role } from '@v2v/contracts';
import { STEP_ROUTES } from '../../apps/gateway/src/journeys/step-routes';
import { isHospitalSigned } from '../../apps/gateway/src/training/training-rules';

export interface DemoUser {
  username: string;
  role: Role;
  institutionId: string | null;
  displayName: string;
  /** Last day of the demo training records; `operator-untrained`'s lapsed long ago. */
  trainedUntil: string;
}

const TRAINED_FROM = '2025-01-01';
const one = (role: Role, institutionId: string | null = null): DemoUser => ({
  username: role,
  role,
  institutionId,
  displayName: `Demo ${role} user`,
  trainedUntil: '2027-12-31',
});

/**
 * The local demo accounts: one per role, username = role (the hospital one of INST-001), a
 * second clinician of INST-001 for the bedside check, a hospital user of INST-002 to show
 * tenancy, and an operator whose training expired.
 */
export const DEMO_USERS: DemoUser[] = [
  one('scheduler'),
  one('hospital', 'INST-001'),
  one('operator'),
  one('production-manager'),
  one('qc'),
  one('qa-qp'),
  one('ops'),
  { ...one('data-logger'), displayName: 'Demo data-logger integration account' },
  { ...one('admin'), displayName: 'Demo user administrator' },
  // OTH-02: the bedside check's second clinician at INST-001.
  { ...one('hospital', 'INST-001'), username: 'hospital-2', displayName: 'Demo second clinician' },
  {
    ...one('hospital', 'INST-002'),
    username: 'hospital-inst-002',
    displayName: 'Demo hospital user of INST-002',
  },
  {
    ...one('operator'),
    username: 'operator-untrained',
    displayName: 'Demo operator whose training expired',
    trainedUntil: '2025-06-30',
  },
];

/**
 * A demo user's training: every journey step and record operation of its role (PER-01, OTH-02);
 * a hospital-signed step's with a passed assessment on the training day, by the other clinician
 * of INST-001 (the assessor is another user).
 */
export function demoTrainingRecords(user: DemoUser) {
  const operations: Array<[string, { roles: readonly Role[] }]> = [
    ...Object.entries(STEP_ROUTES),
    ...Object.entries(RECORD_OPERATIONS),
  ];
  return operations
    .filter(([, { roles }]) => roles.includes(user.role))
    .map(([operation]) => ({
      username: user.username,
      operation,
      validFrom: TRAINED_FROM,
      validUntil: user.trainedUntil,
      assessment: isHospitalSigned(user.role, operation)
        ? {
            method: 'practical' as const,
            result: 'passed' as const,
            assessor: user.username === 'hospital' ? 'hospital-2' : 'hospital',
            assessedOn: TRAINED_FROM,
          }
        : null,
    }));
}
