import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  type Actor,
  CART_CD19_V1,
  formatDonorCode,
  generateDonorUniqueCode,
  type ProcessStepBooking,
  type ProcessValidationDecision,
  processValidationSignedDetail,
} from '@v2v/contracts';
import { SystemClock } from '@v2v/service-kit';
import {
  sealSignature,
  signatureOf,
  SignatureRecorder,
  signatureSealPrivateKey,
  signatureSealPublicKey,
} from '@v2v/signatures';
import { DEMO_PROCESS_CART_CD19 } from '@v2v/testing';
import { FacilityRepository } from '../facility/facility.repository';
import { productionDataSourceOptions } from '../production.data-source';
import { ProcessRepository } from '../processes/process.repository';
import { DecideProcessValidationUseCase } from '../processes/usecases/decide-process-validation.usecase';
import { ProcessValidationStanding } from '../processes/usecases/process-validation-standing.usecase';
import { PublishProcessDefinitionUseCase } from '../processes/usecases/publish-process-definition.usecase';
import { RoomBookingRepository } from './room-booking.repository';
import { BookProcessStepUseCase } from './usecases/book-process-step.usecase';

// Real PostgreSQL: the production schema as migrated and seeded, through the services' role.
const manager: Actor = { userId: 'it.manager', role: 'production-manager' };
const qa: Actor = { userId: 'it.qa', role: 'qa-qp' };
const validated: ProcessValidationDecision = {
  status: 'validated',
  worstCase: { maxConcurrentLinesInArea: 2, maxConcurrentIsolatorsInRoom: 2, operators: 4 },
  reportReference: 'PV-IT-1',
};

let dataSource: DataSource;
let publish: PublishProcessDefinitionUseCase;
let decide: DecideProcessValidationUseCase;
let book: BookProcessStepUseCase;

beforeAll(async () => {
  dataSource = await new DataSource(productionDataSourceOptions()).initialize();
  const processes = new ProcessRepository(dataSource);
  publish = new PublishProcessDefinitionUseCase(dataSource, processes, new FacilityRepository());
  decide = new DecideProcessValidationUseCase(
    dataSource,
    processes,
    new SignatureRecorder('production', signatureSealPublicKey()),
  );
  book = new BookProcessStepUseCase(
    dataSource,
    new RoomBookingRepository(dataSource),
    new FacilityRepository(),
    new ProcessValidationStanding(processes),
    new SystemClock(),
  );
});
afterAll(() => dataSource?.destroy());

const donorCode = () =>
  formatDonorCode(
    generateDonorUniqueCode({ facility: 'Z9999', year: 2026, sequence: randomInt(1, 999_999) }),
  );

/** A fresh product with specification v1, the demo process as its v1, validated by QA. */
async function validatedProduct(): Promise<string> {
  const productCode = `IT-${randomUUID().slice(0, 8).toUpperCase()}`;
  await dataSource.query(
    `INSERT INTO production.product_specification (product_code, version, name, content, published_by)
     VALUES ($1, 1, $2, $3, 'it.qa')`,
    [productCode, CART_CD19_V1.name, JSON.stringify(CART_CD19_V1)],
  );
  await publish.execute(productCode, {
    specificationVersion: 1,
    content: DEMO_PROCESS_CART_CD19,
    eventId: randomUUID(),
    publishedBy: manager,
  });
  const subject = { recordType: 'process-validation', recordId: `${productCode}/v1` };
  const signature = sealSignature(
    signatureOf(
      {
        meaning: validated.status,
        ...subject,
        detail: processValidationSignedDetail(productCode, 1, validated),
      },
      qa,
    ),
    signatureSealPrivateKey(),
  );
  await decide.execute(productCode, 1, {
    ...validated,
    eventId: randomUUID(),
    decidedBy: qa,
    signature,
  });
  return productCode;
}

/** A window on a random day years ahead, so reruns on one database do not meet. */
function farWindow(): { startsAt: string; endsAt: string } {
  const day = Date.UTC(2040, 0, 1) + randomInt(0, 20_000) * 86_400_000;
  return {
    startsAt: new Date(day + 8 * 3_600_000).toISOString(),
    endsAt: new Date(day + 14 * 3_600_000).toISOString(),
  };
}

const activation = (productCode: string, window: { startsAt: string; endsAt: string }) =>
  ({
    donorCode: donorCode(),
    productCode,
    processVersion: 1,
    stepId: 'ACTIVATION-TRANSDUCTION',
    batchKind: 'commercial',
    roomCode: 'CP1-R01',
    equipmentCode: 'BSC-101',
    lineCode: 'L1',
    positiveMaterial: false,
    ...window,
  }) satisfies ProcessStepBooking;

describe('production calendar on real PostgreSQL (PRD-04, PRD-03)', () => {
  it('PRD-04 of two concurrent open-system bookings of different products in one area, exactly one wins', async () => {
    const [first, second] = [await validatedProduct(), await validatedProduct()];
    const window = farWindow();
    const requests = [activation(first, window), activation(second, window)].map((booking) =>
      book.execute({ booking, eventId: randomUUID(), bookedBy: manager }),
    );
    const outcomes = await Promise.allSettled(requests);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({
      code: 'PRD-04',
      message: expect.stringContaining('two products in area CP-1'),
    });
    const rows = await dataSource.query(
      `SELECT product_code, validation_standing FROM production.room_booking
        WHERE product_code = ANY($1) AND starts_at = $2`,
      [[first, second], window.startsAt],
    );
    expect(rows).toEqual([expect.objectContaining({ validation_standing: 'validated' })]);
  });

  it('PRD-04 a repeat of the same event id returns the first booking and writes nothing more', async () => {
    const productCode = await validatedProduct();
    const command = {
      booking: activation(productCode, farWindow()),
      eventId: randomUUID(),
      bookedBy: manager,
    };
    const once = await book.execute(command);
    expect(await book.execute(command)).toMatchObject({ bookingId: once.bookingId });
    const [{ n }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM production.room_booking WHERE event_id = $1`,
      [command.eventId],
    );
    expect(n).toBe(1);
  });

  it('PRD-03 validation decisions are append-only: the service role cannot update or delete one', async () => {
    const productCode = await validatedProduct();
    await expect(
      dataSource.query(
        `UPDATE production.process_validation SET status = 'withdrawn' WHERE product_code = $1`,
        [productCode],
      ),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(
      dataSource.query(`DELETE FROM production.process_validation WHERE product_code = $1`, [
        productCode,
      ]),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it('PRD-01 a published process definition cannot be changed by the service role', async () => {
    const productCode = await validatedProduct();
    await expect(
      dataSource.query(
        `UPDATE production.process_definition SET cell_count_parameter = 'X' WHERE product_code = $1`,
        [productCode],
      ),
    ).rejects.toMatchObject({ code: '42501' });
  });
});
