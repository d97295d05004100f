import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Role } from '@v2v/contracts';
import { UserRepository } from '../auth/user.repository';
import { gatewayDataSourceOptions } from '../gateway.data-source';
import { trainingDueUntil } from './training-due';
import { HOSPITAL_SIGNED } from './training-rules';
import { TrainingRepository } from './training.repository';

// Real PostgreSQL: the gateway schema as migrated, through the services' own role.
let dataSource: DataSource;
let users: UserRepository;
let training: TrainingRepository;
beforeAll(async () => {
  dataSource = await new DataSource(gatewayDataSourceOptions()).initialize();
  users = new UserRepository(dataSource);
  training = new TrainingRepository(dataSource);
});
afterAll(() => dataSource?.destroy());

const TODAY = '2026-11-25';
const passed = {
  method: 'written' as const,
  result: 'passed' as const,
  assessor: 'hospital-2',
  assessedOn: '2026-11-01',
};

async function account(role: Role, institutionId: string | null = 'INST-001'): Promise<string> {
  const username = `it-${randomUUID().slice(0, 8)}`;
  await dataSource.transaction((m) =>
    users.insert(m, {
      username,
      displayName: 'IT clinician',
      role,
      institutionId: role === 'hospital' ? institutionId : null,
      passwordHash: 'not-a-hash',
    }),
  );
  return username;
}

const record = (username: string, operation: string, validUntil: string, assessment = passed) =>
  dataSource.transaction((m) =>
    training.insert(m, {
      username,
      operation,
      validFrom: '2026-11-01',
      validUntil,
      authorizedBy: 'admin',
      assessment,
    }),
  );

describe('training records on real PostgreSQL', () => {
  it('OTH-02 keeps the assessment with the record and gives it to the training guard', async () => {
    const nurse = await account('hospital');
    const stored = await record(nurse, 'recordInfusion', '2027-11-01');
    expect(stored.assessment).toEqual(passed);
    expect(await training.recordsOf(nurse)).toEqual([
      {
        operation: 'recordInfusion',
        trainedOn: '2026-11-01',
        expiresOn: '2027-11-01',
        assessment: { result: 'passed' },
      },
    ]);
  });

  it('OTH-02 refuses in the table an assessment by the assessed user or before the training', async () => {
    const nurse = await account('hospital');
    await expect(
      record(nurse, 'recordInfusion', '2027-11-01', { ...passed, assessor: nurse }),
    ).rejects.toThrow(/CHK_training_record_assessment/);
    await expect(
      record(nurse, 'recordInfusion', '2027-11-01', { ...passed, assessedOn: '2026-10-31' }),
    ).rejects.toThrow(/CHK_training_record_assessment/);
  });

  it("OTH-02 finds a hospital clinician's hospital-signed records expiring within the notice", async () => {
    const nurse = await account('hospital');
    const due = await record(nurse, 'recordInfusion', '2026-12-05');
    await record(nurse, 'recordCollection', '2027-06-01');
    const operator = await account('operator');
    await dataSource.transaction((m) =>
      training.insert(m, {
        username: operator,
        operation: 'startProduction',
        validFrom: '2026-11-01',
        validUntil: '2026-12-05',
        authorizedBy: 'admin',
        assessment: null,
      }),
    );
    const found = await training.comingDue({
      operations: HOSPITAL_SIGNED,
      today: TODAY,
      until: trainingDueUntil(TODAY, 30),
    });
    expect(found.filter((r) => [nurse, operator].includes(r.username))).toEqual([
      {
        id: due.id,
        username: nurse,
        operation: 'recordInfusion',
        institutionId: 'INST-001',
        expiresOn: '2026-12-05',
      },
    ]);
    const one = await training.comingDue({
      operations: HOSPITAL_SIGNED,
      today: TODAY,
      until: trainingDueUntil(TODAY, 30),
      id: due.id,
    });
    expect(one.map((r) => r.id)).toEqual([due.id]);
  });
});
