import { DataSource } from 'typeorm';
import { type Actor, CART_CD19_V1, type ProductSpecification } from '@v2v/contracts';
import type { StepInput } from '@v2v/service-kit';
import {
  newDonorCode,
  openReleaseTestContext,
  PINNED_SPECIFICATION,
  stepInputOf,
} from '../__tests__/release-test-context';
import { ProductEmergencyRepository } from '../emergencies/product-emergency.repository';
import { RecordThawUseCase } from './usecases/record-thaw.usecase';

const nurse: Actor = { userId: 'it.nurse', role: 'hospital' };
const { maxMinutes } = CART_CD19_V1.instructionsForUse.thawing;

let dataSource: DataSource;
let thaw: RecordThawUseCase;
let context: Awaited<ReturnType<typeof openReleaseTestContext>>;

beforeAll(async () => {
  context = await openReleaseTestContext();
  ({ dataSource } = context);
  thaw = new RecordThawUseCase(context.steps, new ProductEmergencyRepository(dataSource));
});
afterAll(() => context?.destroy());

/** A thaw of `minutes`, completed a minute ago. */
const thawOf = (donorCode: string, minutes: number, specification = PINNED_SPECIFICATION) => {
  const completedAt = Date.now() - 60_000;
  return stepInputOf(
    donorCode,
    nurse,
    {
      thawStartedAt: new Date(completedAt - minutes * 60_000).toISOString(),
      thawCompletedAt: new Date(completedAt).toISOString(),
      bathTemperatureC: 37,
      methodNote: 'water bath at 37 °C',
    },
    { specification },
  ) as StepInput<'recordThaw'>;
};

const count = async (sql: string, donorCode: string): Promise<number> =>
  (await dataSource.query(sql, [donorCode]))[0].n;
const stepRecords = (donorCode: string) =>
  count(`SELECT count(*)::int AS n FROM release.step_record WHERE donor_code = $1`, donorCode);

describe('the thaw at the site (OTH-01)', () => {
  it('OTH-01 records a thaw within the instructions for use with its custody event and audit entry', async () => {
    const donorCode = newDonorCode();
    const input = thawOf(donorCode, maxMinutes - 1);
    const record = await thaw.execute(input);
    expect(record.summary).toBe(
      `thawed in ${maxMinutes - 1} min at 37 °C by the instructions for use`,
    );
    const [step] = await dataSource.query(
      `SELECT "record_type", "detail" FROM release.step_record
        WHERE donor_code = $1 AND step = 'recordThaw'`,
      [donorCode],
    );
    expect(step).toEqual({
      record_type: 'thaw',
      detail: {
        ...input.payload,
        instructionsForUse: {
          productCode: 'CART-CD19',
          specificationVersion: 1,
          maxThawMinutes: maxMinutes,
        },
      },
    });
    expect(
      await count(
        `SELECT count(*)::int AS n FROM release.outbox
          WHERE message_key = $1 AND message_type = 'product.thawed.v1'`,
        donorCode,
      ),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM release.audit_entry
          WHERE record_type = 'thaw' AND record_id = $1`,
        record.recordId,
      ),
    ).toBe(1);
    // A repeat of the same event is the same record, not a second thaw.
    await thaw.execute(input);
    expect(await stepRecords(donorCode)).toBe(1);
  });

  it('OTH-01 refuses a thaw longer than the instructions allow and writes nothing', async () => {
    const donorCode = newDonorCode();
    await expect(thaw.execute(thawOf(donorCode, maxMinutes + 2))).rejects.toMatchObject({
      code: 'OTH-01',
      message: `the thaw took ${maxMinutes + 2} min, longer than the ${maxMinutes} min the instructions for use allow (OTH-01)`,
    });
    expect(await stepRecords(donorCode)).toBe(0);
  });

  it('OTH-01 refuses a thaw of a version without instructions for use', async () => {
    const donorCode = newDonorCode();
    const older: ProductSpecification = { ...PINNED_SPECIFICATION, version: 7 };
    delete older.instructionsForUse;
    await expect(thaw.execute(thawOf(donorCode, 1, older))).rejects.toMatchObject({
      code: 'OTH-01',
    });
    expect(await stepRecords(donorCode)).toBe(0);
  });

  it('GEN-01 refuses a thaw completed before it started, naming the field, and writes nothing', async () => {
    const donorCode = newDonorCode();
    await expect(thaw.execute(thawOf(donorCode, -3))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fieldErrors: [expect.objectContaining({ path: 'thawCompletedAt' })] },
    });
    expect(await stepRecords(donorCode)).toBe(0);
  });
});
