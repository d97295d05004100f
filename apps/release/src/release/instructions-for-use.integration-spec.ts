import { DataSource } from 'typeorm';
import { type Actor, CART_CD19_V1, type ProductSpecification } from '@v2v/contracts';
import { instructionsHash } from '../instructions-for-use/instructions-for-use-rules';
import { InstructionsForUseRepository } from '../instructions-for-use/instructions-for-use.repository';
import { AcknowledgeInstructionsForUseUseCase } from '../instructions-for-use/usecases/acknowledge-instructions-for-use.usecase';
import { ProductEmergencyRepository } from '../emergencies/product-emergency.repository';
import { ReleaseVoidingRepository } from './release-voiding.repository';
import { RecordInfusionUseCase } from './usecases/record-infusion.usecase';
import { ShipToSiteUseCase } from './usecases/ship-to-site.usecase';
import {
  newDonorCode,
  openReleaseTestContext,
  stepInputOf,
} from '../__tests__/release-test-context';

const operator: Actor = { userId: 'it.operator', role: 'operator' };
const nurse: Actor = { userId: 'it.nurse', role: 'hospital' };
const PINNED: ProductSpecification = { productCode: 'CART-CD19', version: 1, ...CART_CD19_V1 };

let dataSource: DataSource;
let owner: DataSource;
let shipment: ShipToSiteUseCase;
let infusion: RecordInfusionUseCase;
let acknowledgement: AcknowledgeInstructionsForUseUseCase;

let context: Awaited<ReturnType<typeof openReleaseTestContext>>;

beforeAll(async () => {
  context = await openReleaseTestContext();
  ({ dataSource, owner } = context);
  const { steps } = context;
  const instructions = new InstructionsForUseRepository(dataSource);
  shipment = new ShipToSiteUseCase(steps, new ReleaseVoidingRepository(), instructions);
  infusion = new RecordInfusionUseCase(
    steps,
    new ProductEmergencyRepository(dataSource),
    instructions,
  );
  acknowledgement = new AcknowledgeInstructionsForUseUseCase(dataSource, instructions);
});
afterAll(() => context?.destroy());

const inputOf = <P>(donorCode: string, actor: Actor, payload: P, specification = PINNED) =>
  stepInputOf(donorCode, actor, payload, { specification, patientReference: 'PAT-IT-IFU' });

// The product shipper the release migration qualifies (the scripted journeys ship on it).
const shipmentOf = (donorCode: string, specification = PINNED) =>
  inputOf(
    donorCode,
    operator,
    {
      shippedAt: new Date(Date.now() - 60_000).toISOString(),
      courier: 'IT courier',
      shipperId: 'LN2-DRYSHIPPER-07',
    },
    specification,
  );

const infusionOf = (donorCode: string) =>
  inputOf(donorCode, nurse, {
    infusedAt: new Date().toISOString(),
    bedsideScan: donorCode,
    patientReference: 'PAT-IT-IFU',
  });

const count = async (sql: string, donorCode: string): Promise<number> =>
  (await dataSource.query(sql, [donorCode]))[0].n;

describe('instructions for use travel with the shipment (OTH-01)', () => {
  it('OTH-01 refuses the shipment of a version without instructions for use and writes nothing', async () => {
    const donorCode = newDonorCode();
    const older: ProductSpecification = { ...PINNED, version: 7 };
    delete older.instructionsForUse;
    await expect(shipment.execute(shipmentOf(donorCode, older))).rejects.toMatchObject({
      code: 'OTH-01',
      message:
        'specification CART-CD19 v7 has no instructions for use to ship with the product (OTH-01)',
    });
    expect(
      await count(
        `SELECT count(*)::int AS n FROM release.step_record WHERE donor_code = $1`,
        donorCode,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM release.instructions_for_use_shipment WHERE donor_code = $1`,
        donorCode,
      ),
    ).toBe(0);
  });

  it('OTH-01 records the pinned version’s instructions and their hash with the shipment, never changed', async () => {
    const donorCode = newDonorCode();
    const input = shipmentOf(donorCode);
    await shipment.execute(input);
    const hash = instructionsHash(CART_CD19_V1.instructionsForUse);
    const rows = await dataSource.query(
      `SELECT "product_code", "specification_version", "content_sha256", "instructions",
              "shipment_event_id"
         FROM release.instructions_for_use_shipment WHERE donor_code = $1`,
      [donorCode],
    );
    expect(rows).toEqual([
      {
        product_code: 'CART-CD19',
        specification_version: 1,
        content_sha256: hash,
        instructions: CART_CD19_V1.instructionsForUse,
        shipment_event_id: input.eventId,
      },
    ]);
    const [step] = await dataSource.query(
      `SELECT "detail" FROM release.step_record WHERE donor_code = $1 AND step = 'shipToSite'`,
      [donorCode],
    );
    expect(step.detail.instructionsForUse).toEqual({
      productCode: 'CART-CD19',
      specificationVersion: 1,
      contentSha256: hash,
    });
    await expect(
      dataSource.query(
        `UPDATE release.instructions_for_use_shipment SET content_sha256 = content_sha256 WHERE false`,
      ),
    ).rejects.toThrow(/permission denied for table instructions_for_use_shipment/);
    await expect(
      owner.query(`DELETE FROM release.instructions_for_use_shipment WHERE donor_code = $1`, [
        donorCode,
      ]),
    ).rejects.toThrow(/never changed or deleted \(OTH-01\)/);
  });

  it('OTH-01 takes one acknowledgement after the shipment, and the infusion only after it', async () => {
    const donorCode = newDonorCode();
    const command = { donorCode, acknowledgedBy: nurse, institutionId: 'INST-001' };
    await expect(acknowledgement.execute(command)).rejects.toMatchObject({
      code: 'OTH-01',
      message: expect.stringContaining('nothing to acknowledge'),
    });
    await shipment.execute(shipmentOf(donorCode));
    await expect(infusion.execute(infusionOf(donorCode))).rejects.toMatchObject({
      code: 'OTH-01',
      message: expect.stringContaining('acknowledge them before the infusion (OTH-01)'),
    });

    const first = await acknowledgement.execute(command);
    const again = await acknowledgement.execute({ ...command, acknowledgedBy: { ...nurse } });
    expect(first.acknowledgement).toMatchObject({
      acknowledgedBy: nurse,
      institutionId: 'INST-001',
      contentSha256: first.contentSha256,
    });
    expect(again.acknowledgement).toEqual(first.acknowledgement);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM release.instructions_for_use_acknowledgement WHERE donor_code = $1`,
        donorCode,
      ),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM release.audit_entry
          WHERE record_type = 'instructions-for-use-acknowledgement' AND journey_id = 'journey-' || $1`,
        donorCode,
      ),
    ).toBe(1);
    await expect(
      dataSource.query(
        `DELETE FROM release.instructions_for_use_acknowledgement WHERE donor_code = $1`,
        [donorCode],
      ),
    ).rejects.toThrow(/permission denied for table instructions_for_use_acknowledgement/);
    await expect(
      acknowledgement.execute({ ...command, acknowledgedBy: operator }),
    ).rejects.toMatchObject({ code: 'PER-01' });

    await expect(infusion.execute(infusionOf(donorCode))).resolves.toMatchObject({
      summary: 'infused after bedside identity check',
    });
  });
});
