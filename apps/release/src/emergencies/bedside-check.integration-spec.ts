import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type Actor } from '@v2v/contracts';
import { type StepInput } from '@v2v/service-kit';
import { bedsideInfusion } from '@v2v/testing';
import { AdverseReactionRepository } from '../adverse-reactions/adverse-reaction.repository';
import { ReportAdverseReactionUseCase } from '../adverse-reactions/usecases/report-adverse-reaction.usecase';
import {
  newDonorCode,
  openReleaseTestContext,
  stepInputOf,
} from '../__tests__/release-test-context';
import { RecordInfusionUseCase } from '../release/usecases/record-infusion.usecase';
import { ProductEmergencyRepository } from './product-emergency.repository';
import { RaiseBedsideMismatchUseCase } from './usecases/raise-bedside-mismatch.usecase';

const nurse: Actor = { userId: 'it.nurse', role: 'hospital' };
const SECOND = 'it.nurse-2';
const PATIENT = 'PAT-IT-BED';

let dataSource: DataSource;
let owner: DataSource;
let emergencies: ProductEmergencyRepository;
let infusion: RecordInfusionUseCase;
let reactions: ReportAdverseReactionUseCase;

let context: Awaited<ReturnType<typeof openReleaseTestContext>>;

beforeAll(async () => {
  context = await openReleaseTestContext();
  ({ dataSource, owner } = context);
  const { steps } = context;
  emergencies = new ProductEmergencyRepository(dataSource);
  infusion = new RecordInfusionUseCase(
    steps,
    emergencies,
    new RaiseBedsideMismatchUseCase(dataSource, emergencies),
    context.instructions,
  );
  reactions = new ReportAdverseReactionUseCase(
    dataSource,
    new AdverseReactionRepository(dataSource),
  );
});
afterAll(() => context?.destroy());

function infusionStep(
  donorCode: string,
  scans?: Parameters<typeof bedsideInfusion>[0]['scans'],
): StepInput<'recordInfusion'> {
  const payload = bedsideInfusion({
    donorCode,
    patientReference: PATIENT,
    endedAt: new Date(Date.now() - 60_000).toISOString(),
    clinicians: [nurse.userId, SECOND],
    scans,
  });
  return stepInputOf(donorCode, nurse, payload, {
    patientReference: PATIENT,
  }) as StepInput<'recordInfusion'>;
}

const count = async (sql: string, params: unknown[]) =>
  ((await dataSource.query(sql, params)) as Array<{ n: number }>)[0].n;

describe('the bedside check (OTH-02, TRC-03, QA-04)', () => {
  it('QA-04 a mismatched scan is refused with one emergency per attempt, even when the activity is retried, and holds the product', async () => {
    const donorCode = newDonorCode();
    const step = infusionStep(donorCode, [undefined, { patientReference: 'PAT-IT-OTHER' }]);
    const first = await infusion.execute(step).catch((e: unknown) => e);
    expect(first).toMatchObject({
      code: 'IDENTITY_MISMATCH',
      details: {
        deviations: [
          {
            deviationId: expect.any(String),
            rule: 'QA-04',
            detectedAt: step.occurredAt,
            description: expect.stringContaining(`${SECOND} scanned patient PAT-IT-OTHER`),
          },
        ],
      },
    });
    const [notice] = (first as { details: { deviations: Array<{ deviationId: string }> } }).details
      .deviations;
    // The activity retried with the same event id: the same emergency, nothing more written.
    await expect(infusion.execute(step)).rejects.toMatchObject({
      code: 'IDENTITY_MISMATCH',
      details: { deviations: [expect.objectContaining({ deviationId: notice.deviationId })] },
    });
    expect(await emergencies.list(donorCode)).toEqual([
      expect.objectContaining({
        deviationId: notice.deviationId,
        kind: 'bedside-mismatch',
        status: 'open',
        qcResultId: null,
        bedsideScans: step.payload.verifications,
      }),
    ]);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM release.outbox
          WHERE message_key = $1 AND message_type = 'deviation.raised.v1'`,
        [donorCode],
      ),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM release.audit_entry
          WHERE record_type = 'product-emergency' AND record_id = $1`,
        [notice.deviationId],
      ),
    ).toBe(1);
    expect(
      await count(`SELECT count(*)::int AS n FROM release.step_record WHERE donor_code = $1`, [
        donorCode,
      ]),
    ).toBe(0);
    // A correct check afterwards waits for QA's closure of the emergency.
    await expect(infusion.execute(infusionStep(donorCode))).rejects.toMatchObject({
      code: 'QA-04',
      message: expect.stringContaining(notice.deviationId),
    });
  });

  it('OTH-02 TRC-03 records the infusion with both scans and its use record', async () => {
    const donorCode = newDonorCode();
    const step = infusionStep(donorCode);
    await context.productAtSite(donorCode, nurse);
    await infusion.execute(step);
    const [record] = await dataSource.query(
      `SELECT "detail" FROM release.step_record WHERE donor_code = $1 AND step = 'recordInfusion'`,
      [donorCode],
    );
    expect(record.detail).toMatchObject({
      verifications: step.payload.verifications,
      labelVerifications: [{ matched: true }, { matched: true }],
      volumeMl: 68,
      infusionEndedAt: step.payload.infusionEndedAt,
      administeredBy: 'Nurse Wang Fang',
    });
  });

  it('QA-04 a bedside mismatch is never changed or deleted, not by the service role nor by the owner', async () => {
    const donorCode = newDonorCode();
    await infusion
      .execute(infusionStep(donorCode, [{ labelScan: newDonorCode() }]))
      .catch(() => {});
    for (const db of [dataSource, owner]) {
      await expect(
        db.query(
          `UPDATE release.product_emergency SET "bedside_scans" = '[]' WHERE donor_code = $1`,
          [donorCode],
        ),
      ).rejects.toThrow();
      await expect(
        db.query(`DELETE FROM release.product_emergency WHERE donor_code = $1`, [donorCode]),
      ).rejects.toThrow();
    }
    expect(await emergencies.list(donorCode)).toHaveLength(1);
  });
});

describe('adverse reactions after the infusion (TRC-04)', () => {
  const report = (donorCode: string, eventId = randomUUID()) => ({
    donorCode,
    eventId,
    reportedBy: nurse,
    description: 'cytokine release syndrome, fever 39.2 °C, hypotension responsive to fluids',
    onsetAt: new Date().toISOString(),
    severityGrade: 2,
    serious: true,
    outcome: 'recovering' as const,
  });

  it('TRC-04 records a reaction once per event id with its event, never changed; none before the infusion', async () => {
    const donorCode = newDonorCode();
    await expect(reactions.execute(report(donorCode))).rejects.toMatchObject({
      code: 'STEP_OUT_OF_ORDER',
    });
    await context.productAtSite(donorCode, nurse);
    await infusion.execute(infusionStep(donorCode));
    const command = report(donorCode);
    const recorded = await reactions.execute(command);
    expect(recorded).toMatchObject({ donorCode, severityGrade: 2, serious: true });
    await expect(reactions.execute(command)).resolves.toEqual(recorded);
    await expect(reactions.execute({ ...command, severityGrade: 4 })).rejects.toMatchObject({
      code: 'IDEMPOTENCY_CONFLICT',
    });
    expect(
      await count(
        `SELECT count(*)::int AS n FROM release.outbox
          WHERE message_key = $1 AND message_type = 'adverse-reaction.reported.v1'`,
        [donorCode],
      ),
    ).toBe(1);
    for (const db of [dataSource, owner])
      await expect(
        db.query(`UPDATE release.adverse_reaction SET "severity_grade" = 1 WHERE donor_code = $1`, [
          donorCode,
        ]),
      ).rejects.toThrow();
  });
});
