import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  type Actor,
  CART_CD19_V1,
  formatDonorCode,
  generateDonorUniqueCode,
  type ManufacturingSlotHoldRequest,
  TOPICS,
} from '@v2v/contracts';
import { JourneyStepRecorder, RandomUuidGenerator } from '@v2v/service-kit';
import { DEMO_PROCESS_CART_CD19 } from '@v2v/testing';
import { BatchRepository } from '../batches/batch.repository';
import { RetainedDonorMaterial } from '../batches/retained-donor-material';
import { RetainedMaterialRepository } from '../batches/retained-material.repository';
import { StartProductionUseCase } from '../batches/usecases/start-production.usecase';
import { PRODUCTION_SCHEMA, productionDataSourceOptions } from '../production.data-source';
import { ProcessRepository } from '../processes/process.repository';
import { ProcessValidationStanding } from '../processes/usecases/process-validation-standing.usecase';
import { ProductSpecificationRepository } from '../specifications/product-specification.repository';
import { type Floor, manager, slotFloors } from './__tests__/slot-floor';
import { ManufacturingSlotRepository } from './manufacturing-slot.repository';
import { addDays } from './slot-rules';
import { ConfirmManufacturingSlotUseCase } from './usecases/confirm-manufacturing-slot.usecase';
import { HoldManufacturingSlotUseCase } from './usecases/hold-manufacturing-slot.usecase';
import { ManufacturingCapacityUseCase } from './usecases/manufacturing-capacity.usecase';
import { ReleaseManufacturingSlotUseCase } from './usecases/release-manufacturing-slot.usecase';

// Real PostgreSQL: the production schema as migrated, through the services' role (v2v_app).
// Each test has a floor of its own (an area, its lines, a product whose process runs only on
// them) on days years ahead, so it never meets the demo floor, another test or another run.
const scheduler: Actor = { userId: 'it.scheduler', role: 'scheduler' };
/** The demo process plans 183 hours: 8 days. Shelf life 72 hours: starts from C+1 to C+3. */
const DAYS = 8;

let dataSource: DataSource;
let processes: ProcessRepository;
let slots: ManufacturingSlotRepository;
let floors: ReturnType<typeof slotFloors>;
let hold: HoldManufacturingSlotUseCase;
let confirm: ConfirmManufacturingSlotUseCase;
let release: ReleaseManufacturingSlotUseCase;

beforeAll(async () => {
  dataSource = await new DataSource(productionDataSourceOptions()).initialize();
  processes = new ProcessRepository(dataSource);
  slots = new ManufacturingSlotRepository(dataSource);
  floors = slotFloors(dataSource);
  hold = new HoldManufacturingSlotUseCase(
    dataSource,
    slots,
    processes,
    new ProductSpecificationRepository(dataSource),
  );
  confirm = new ConfirmManufacturingSlotUseCase(dataSource, slots);
  release = new ReleaseManufacturingSlotUseCase(dataSource, slots);
});
afterAll(async () => {
  await floors?.retire();
  await dataSource?.destroy();
});

const floor = (input: Parameters<typeof floors.floor>[0]) => floors.floor(input);
const newDonorCode = () =>
  formatDonorCode(
    generateDonorUniqueCode({ facility: 'Z9998', year: 2026, sequence: randomInt(1, 999_999) }),
  );
/** A collection day years ahead, different for every test and run. */
const farDay = () => addDays('2045-01-01', randomInt(0, 15_000));

function holdRequest(
  f: Floor,
  collectionDate: string,
  overrides: Partial<ManufacturingSlotHoldRequest> = {},
): ManufacturingSlotHoldRequest {
  const donorCode = overrides.donorCode ?? newDonorCode();
  return {
    journeyId: `journey-${donorCode}`,
    donorCode,
    actor: scheduler,
    occurredAt: new Date().toISOString(),
    eventId: randomUUID(),
    productCode: f.productCode,
    specificationVersion: 1,
    knownPositiveMarkers: [],
    collectionDate,
    reason: `collection scheduled for ${collectionDate}`,
    ...overrides,
  };
}

const context = (r: ManufacturingSlotHoldRequest) => ({
  journeyId: r.journeyId,
  donorCode: r.donorCode,
  actor: scheduler,
  occurredAt: new Date().toISOString(),
});
const auditOf = (slotId: string) =>
  dataSource.query(
    `SELECT action, reason FROM production.audit_entry
      WHERE record_type = 'manufacturing-slot' AND record_id = $1 ORDER BY seq`,
    [slotId],
  ) as Promise<Array<{ action: string; reason: string | null }>>;
const refusalOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'allowed',
    (e: unknown) => e,
  );

describe('manufacturing slots on real PostgreSQL (issue 11, PRD-04)', () => {
  it('holds, confirms and rebooks: the old slot released with its reason, the new one naming it', async () => {
    const f = await floor({ lines: 1, capacity: 1 });
    const collection = farDay();
    const first = holdRequest(f, collection);
    const held = await hold.execute(first);
    expect(held).toMatchObject({
      status: 'held',
      lineCode: f.lineCodes[0],
      areaCode: f.areaCode,
      startsOn: addDays(collection, 1),
      endsOn: addDays(collection, 1 + DAYS),
      plannedShipmentOn: addDays(collection, 1 + DAYS + 7),
      reason: `collection scheduled for ${collection}`,
      requestedBy: scheduler,
    });
    const booked = await confirm.execute({ ...context(first), slotId: held.slotId });
    expect(booked.status).toBe('booked');
    // Confirming a booked slot again answers it unchanged.
    expect(await confirm.execute({ ...context(first), slotId: held.slotId })).toEqual(booked);

    const postponed = addDays(collection, 30);
    const second = holdRequest(f, postponed, {
      donorCode: first.donorCode,
      reason: `collection postponed to ${postponed}`,
    });
    const rehold = await hold.execute(second);
    const rebooked = await confirm.execute({ ...context(second), slotId: rehold.slotId });
    expect(rebooked).toMatchObject({ status: 'booked', replacesSlotId: held.slotId });
    const journey = await slots.slotsOf(first.donorCode);
    expect(journey.map((s) => [s.slotId, s.status])).toEqual([
      [rehold.slotId, 'booked'],
      [held.slotId, 'released'],
    ]);
    expect(journey[1]).toMatchObject({
      releaseReason: `rebooked: collection postponed to ${postponed}`,
      releasedBy: scheduler,
    });
    // Every change on record, with its reason (CSV-01).
    expect(await auditOf(held.slotId)).toEqual([
      { action: 'create', reason: null },
      { action: 'update', reason: `booked: collection scheduled for ${collection}` },
      { action: 'update', reason: `rebooked: collection postponed to ${postponed}` },
    ]);
    expect((await auditOf(rehold.slotId)).map((e) => e.action)).toEqual(['create', 'update']);
  });

  it('answers a retried hold with the same slot and writes it once', async () => {
    const f = await floor({ lines: 1, capacity: 2 });
    const request = holdRequest(f, farDay());
    const [a, b] = await Promise.all([hold.execute(request), hold.execute(request)]);
    expect(b).toEqual(a);
    expect(await hold.execute(request)).toEqual(a);
    expect(await slots.slotsOf(request.donorCode)).toHaveLength(1);
    expect(await auditOf(a.slotId)).toHaveLength(1);
  });

  it('lets only one of two holds at once take the last place of a line', async () => {
    const f = await floor({ lines: 1, capacity: 1 });
    const collection = farDay();
    const outcomes = await Promise.allSettled([
      hold.execute(holdRequest(f, collection)),
      hold.execute(holdRequest(f, collection)),
    ]);
    const held = outcomes
      .flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []))
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    // Either the second is refused, or it was moved to days that do not overlap the first.
    if (held.length === 2) expect(held[1].startsOn >= held[0].endsOn).toBe(true);
    else {
      expect(held).toHaveLength(1);
      expect(refused[0]).toMatchObject({
        code: 'NO_MANUFACTURING_SLOT',
        details: { earliestFreeStartOn: held[0].endsOn },
      });
    }
  });

  it('PRD-04 refuses a free line while its area is at the validated number of concurrent lines', async () => {
    const f = await floor({ lines: 2, capacity: 1, maxConcurrentLinesInArea: 1 });
    const collection = farDay();
    const first = await hold.execute(holdRequest(f, collection));
    const error = await refusalOf(hold.execute(holdRequest(f, collection)));
    expect(error).toMatchObject({
      code: 'NO_MANUFACTURING_SLOT',
      message: expect.stringContaining('at most 1 concurrent lines per area as validated (PRD-04)'),
      details: {
        earliestFreeStartOn: first.endsOn,
        window: { from: addDays(collection, 1), to: addDays(collection, 3) },
      },
    });
    const capacity = await new ManufacturingCapacityUseCase(dataSource, slots, processes).execute({
      productCode: f.productCode,
      from: addDays(collection, 1),
      days: 1,
    });
    expect(capacity.maxConcurrentLinesInArea).toBe(1);
    expect(capacity.lines.map((l) => [l.lineCode, l.days[0].taken, l.days[0].free])).toEqual([
      [f.lineCodes[0], 1, 0],
      [f.lineCodes[1], 0, 0],
    ]);
  });

  it('takes the preferred day, and refuses one outside the window naming it', async () => {
    const f = await floor({ lines: 1, capacity: 1 });
    const collection = farDay();
    const preferred = await hold.execute(
      holdRequest(f, collection, { preferredStartOn: addDays(collection, 3) }),
    );
    expect(preferred.startsOn).toBe(addDays(collection, 3));
    await expect(
      hold.execute(holdRequest(f, collection, { preferredStartOn: addDays(collection, 4) })),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fieldErrors: [expect.objectContaining({ path: 'preferredStartOn' })] },
    });
  });

  it('keeps positive material out of an area that may not hold it', async () => {
    const f = await floor({ lines: 1, capacity: 5 });
    await expect(
      hold.execute(holdRequest(f, farDay(), { knownPositiveMarkers: ['HBV'] })),
    ).rejects.toMatchObject({ code: 'NO_MANUFACTURING_SLOT' });
  });

  it('releases a refused hold and the booked slot once; a released hold cannot be booked', async () => {
    const f = await floor({ lines: 1, capacity: 3 });
    const request = holdRequest(f, farDay());
    const refusedStep = await hold.execute(request);
    const released = await release.execute({
      ...context(request),
      slotId: refusedStep.slotId,
      reason: 'the collection was refused',
    });
    expect(released).toMatchObject({
      status: 'released',
      releaseReason: 'the collection was refused',
    });
    expect(
      await release.execute({ ...context(request), slotId: refusedStep.slotId, reason: 'again' }),
    ).toBeNull();
    await expect(
      confirm.execute({ ...context(request), slotId: refusedStep.slotId }),
    ).rejects.toMatchObject({ code: 'STEP_OUT_OF_ORDER' });
    // Nothing booked: releasing the journey's slot records nothing.
    expect(await release.execute({ ...context(request), reason: 'unit rejected' })).toBeNull();

    const retry = holdRequest(f, farDay(), { donorCode: request.donorCode });
    const booked = await confirm.execute({
      ...context(retry),
      slotId: (await hold.execute(retry)).slotId,
    });
    const freed = await release.execute({ ...context(retry), reason: 'journey cancelled' });
    expect(freed).toMatchObject({ slotId: booked.slotId, status: 'released' });
    expect(await release.execute({ ...context(retry), reason: 'journey cancelled' })).toBeNull();
    expect((await auditOf(refusedStep.slotId)).map((e) => e.reason)).toEqual([
      null,
      'the collection was refused',
    ]);
  });

  it("answers another journey's slot id as no slot", async () => {
    const f = await floor({ lines: 1, capacity: 2 });
    const mine = await hold.execute(holdRequest(f, farDay()));
    const other = holdRequest(f, farDay());
    await expect(confirm.execute({ ...context(other), slotId: mine.slotId })).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    );
    await expect(
      release.execute({ ...context(other), slotId: mine.slotId, reason: 'not mine' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await slots.slotsOf(mine.donorCode))[0].status).toBe('held');
  });

  it("names the batch started on the journey's booked slot", async () => {
    const f = await floor({ lines: 1, capacity: 1, maxConcurrentLinesInArea: 2 });
    const request = holdRequest(f, farDay());
    const held = await hold.execute(request);
    await confirm.execute({ ...context(request), slotId: held.slotId });
    const startProduction = new StartProductionUseCase(
      new JourneyStepRecorder(dataSource, {
        schema: PRODUCTION_SCHEMA,
        producer: 'production',
        topic: TOPICS.production,
      }),
      new BatchRepository(dataSource),
      processes,
      new ProcessValidationStanding(processes),
      new RetainedDonorMaterial(new RetainedMaterialRepository(), new RandomUuidGenerator()),
      slots,
    );
    const record = await startProduction.execute({
      ...context(request),
      eventId: randomUUID(),
      occurrence: { cycle: 0, repeat: 0 },
      actor: { userId: 'it.operator', role: 'operator' },
      order: {
        patientReference: 'PAT-IT-SLOT',
        institutionId: 'INST-001',
        productCode: f.productCode,
        requestedCollectionDate: '2026-12-01',
      },
      specification: { productCode: f.productCode, version: 1, ...CART_CD19_V1 },
      knownPositiveMarkers: [],
      payload: { labelScan: request.donorCode },
    });
    expect((await slots.slotsOf(request.donorCode))[0]).toMatchObject({
      slotId: held.slotId,
      status: 'booked',
      batchNumber: record.batchNumber,
    });
    expect((await auditOf(held.slotId)).at(-1)?.reason).toBe(`batch ${record.batchNumber} started`);
  });

  it('the service role cannot delete a slot', async () => {
    const f = await floor({ lines: 1, capacity: 1 });
    const slot = await hold.execute(holdRequest(f, farDay()));
    await expect(
      dataSource.query(`DELETE FROM production.manufacturing_slot WHERE slot_id = $1`, [
        slot.slotId,
      ]),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it('refuses a process publication naming a line not on the register', async () => {
    const f = await floor({ lines: 1, capacity: 1 });
    await dataSource.query(
      `INSERT INTO production.product_specification (product_code, version, name, content, published_by)
       VALUES ($1, 2, $2, $3, 'it.qa')`,
      [f.productCode, CART_CD19_V1.name, JSON.stringify(CART_CD19_V1)],
    );
    await expect(
      floors.publish.execute(f.productCode, {
        specificationVersion: 2,
        content: { ...DEMO_PROCESS_CART_CD19, lineCodes: [f.lineCodes[0], 'NO-SUCH-LINE'] },
        eventId: randomUUID(),
        publishedBy: manager,
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fieldErrors: [{ path: 'content.lineCodes.1', message: 'not on the register' }] },
    });
  });
});
