import { DataSource } from 'typeorm';
import { type Actor, CART_CD19_V1, type ExcursionEmergencyInput } from '@v2v/contracts';
import { type StepInput } from '@v2v/service-kit';
import { bedsideInfusion } from '@v2v/testing';
import {
  newDonorCode,
  openReleaseTestContext,
  stepInputOf,
} from '../__tests__/release-test-context';
import { RecordInfusionUseCase } from '../release/usecases/record-infusion.usecase';
import { ExcursionEmergencyRepository } from './excursion-emergency.repository';
import { ProductEmergencyRepository } from './product-emergency.repository';
import { RaiseBedsideMismatchUseCase } from './usecases/raise-bedside-mismatch.usecase';
import { RaiseExcursionEmergencyUseCase } from './usecases/raise-excursion-emergency.usecase';

const nurse: Actor = { userId: 'it.nurse', role: 'hospital' };
const PATIENT = 'PAT-IT-EXC';

let dataSource: DataSource;
let emergencies: ProductEmergencyRepository;
let raise: RaiseExcursionEmergencyUseCase;
let infusion: RecordInfusionUseCase;
let context: Awaited<ReturnType<typeof openReleaseTestContext>>;

beforeAll(async () => {
  context = await openReleaseTestContext();
  ({ dataSource } = context);
  emergencies = new ProductEmergencyRepository(dataSource);
  raise = new RaiseExcursionEmergencyUseCase(dataSource, new ExcursionEmergencyRepository());
  infusion = new RecordInfusionUseCase(
    context.steps,
    emergencies,
    new RaiseBedsideMismatchUseCase(dataSource, emergencies),
    context.instructions,
  );
});
afterAll(() => context?.destroy());

const count = async (sql: string, params: unknown[]) =>
  ((await dataSource.query(sql, params)) as Array<{ n: number }>)[0].n;

function excursion(donorCode: string): ExcursionEmergencyInput {
  const detectedAt = new Date(Date.now() - 120_000).toISOString();
  return {
    journeyId: `journey-${donorCode}`,
    donorCode,
    deviation: {
      deviationId: `journey-${donorCode}-shipment-to-site-0-excursion-beyond-budget`,
      rule: 'QA-04',
      leg: 'shipment-to-site',
      detectedAt,
      description: 'shipment-to-site: 180 min out of range, beyond the budget of 30 min (QA-04)',
    },
    minutesOutOfRange: 180,
    worstExcursion: { measuredAt: detectedAt, temperatureC: -140, loggerId: 'LOGGER-IT' },
    budget: CART_CD19_V1.shipmentToSite.excursionBudget!,
  };
}

describe('the shipment excursion beyond its budget (QA-04)', () => {
  it('QA-04 records one emergency per leg, even when the activity is retried, and holds the product', async () => {
    const donorCode = newDonorCode();
    const first = await raise.execute(excursion(donorCode));
    const retried = await raise.execute(excursion(donorCode));
    expect(retried).toEqual(first);
    expect(first).toMatchObject({ rule: 'QA-04', leg: 'shipment-to-site' });
    expect(await emergencies.list(donorCode)).toEqual([
      expect.objectContaining({
        deviationId: first.deviationId,
        kind: 'temperature-excursion',
        status: 'open',
        description: excursion(donorCode).deviation.description,
      }),
    ]);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM release.product_emergency
          WHERE donor_code = $1 AND (excursion->>'minutesOutOfRange')::numeric = 180`,
        [donorCode],
      ),
    ).toBe(1);
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
        [first.deviationId],
      ),
    ).toBe(1);

    const payload = bedsideInfusion({
      donorCode,
      patientReference: PATIENT,
      endedAt: new Date(Date.now() - 60_000).toISOString(),
      clinicians: [nurse.userId, 'it.nurse-2'],
    });
    const step = stepInputOf(donorCode, nurse, payload, { patientReference: PATIENT });
    await expect(infusion.execute(step as StepInput<'recordInfusion'>)).rejects.toMatchObject({
      code: 'QA-04',
      message: expect.stringContaining(first.deviationId),
    });
  });
});
