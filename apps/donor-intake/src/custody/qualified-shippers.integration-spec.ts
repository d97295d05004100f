import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type Actor, type ShipperQualificationDecision } from '@v2v/contracts';
import { ShipperQualificationRegister } from '@v2v/shipper-qualification';
import {
  sealSignature,
  SignatureRecorder,
  signatureOf,
  signatureSealPrivateKey,
  signatureSealPublicKey,
} from '@v2v/signatures';
import { DONOR_INTAKE_SCHEMA, donorIntakeDataSourceOptions } from '../donor-intake.data-source';

// Real PostgreSQL: donor-intake's shipper register (libs/shipper-qualification) as migrated,
// through the services' role. Each test qualifies a configuration of its own.
let dataSource: DataSource;
let register: ShipperQualificationRegister;
const qa: Actor = { userId: 'it.qa', role: 'qa-qp' };
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  dataSource = await new DataSource(donorIntakeDataSourceOptions()).initialize();
  register = new ShipperQualificationRegister(
    dataSource,
    DONOR_INTAKE_SCHEMA,
    'donor-material',
    new SignatureRecorder(DONOR_INTAKE_SCHEMA, signatureSealPublicKey()),
  );
});
afterAll(() => dataSource?.destroy());

/** QA's signature as the gateway seals it (CSV-02) for this decision on this configuration. */
const signature = (shipperId: string, meaning: string, detail: Record<string, unknown>) =>
  sealSignature(
    signatureOf(
      {
        meaning,
        recordType: 'shipper-qualification',
        recordId: `donor-material/${shipperId}`,
        detail,
      },
      qa,
    ),
    signatureSealPrivateKey(),
  );

/** A fresh configuration, qualified by QA. */
async function qualified(): Promise<string> {
  const qualification: ShipperQualificationDecision = {
    shipperId: `IT-SHIPPER-${randomUUID().slice(0, 8).toUpperCase()}`,
    carries: 'donor-material',
    description: 'validated 2–8 °C box, hospital to factory',
    evidence: {
      reportReference: 'PQ-IT-1',
      qualifiedOn: inDays(-1),
      lane: 'hospital → factory by road',
      minTemperatureC: 2,
      maxTemperatureC: 8,
      validatedHours: 48,
    },
    qualifiedUntil: inDays(365),
  };
  const { shipperId } = qualification;
  await register.qualify({
    ...qualification,
    eventId: randomUUID(),
    decidedBy: qa,
    signature: signature(shipperId, 'qualified', { ...qualification }),
  });
  return shipperId;
}

describe('MAT-03 the check before QA signs the withdrawal of a shipper configuration', () => {
  it('MAT-03 allows the withdrawal check retried under its event id, and only then', async () => {
    const shipperId = await qualified();
    const reason = 'temperature excursions in two consecutive shipments';
    const withdrawal = {
      reason,
      eventId: randomUUID(),
      decidedBy: qa,
      signature: signature(shipperId, 'withdrawn', { shipperId, reason }),
    };
    expect(await register.checkWithdrawal(shipperId, withdrawal.eventId)).toEqual({
      shipperId,
      allowed: true,
    });
    const withdrawn = await register.withdraw(shipperId, withdrawal);
    expect(withdrawn).toMatchObject({ shipperId, status: 'withdrawn' });
    // Its answer lost, the same request again: checked allowed, answered as the first time.
    expect(await register.checkWithdrawal(shipperId, withdrawal.eventId)).toEqual({
      shipperId,
      allowed: true,
    });
    expect(await register.withdraw(shipperId, withdrawal)).toEqual(withdrawn);
    const decisions = await dataSource.query(
      `SELECT "decision" FROM donor_intake.shipper_qualification_decision WHERE "shipper_id" = $1`,
      [shipperId],
    );
    expect(decisions).toHaveLength(2);
    await expect(register.checkWithdrawal(shipperId, randomUUID())).rejects.toMatchObject({
      code: 'MAT-03',
      message: expect.stringContaining('already withdrawn'),
    });
    await expect(
      register.checkWithdrawal('IT-SHIPPER-UNKNOWN', randomUUID()),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
