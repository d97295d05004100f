import { randomUUID } from 'node:crypto';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { Actor } from '@v2v/contracts';
import { migrationDatabaseUrl } from '@v2v/database';
import { RandomUuidGenerator, SystemClock } from '@v2v/service-kit';
import { MediaFillRepository } from '../media-fills/media-fill.repository';
import { MediaFillStanding } from '../media-fills/usecases/media-fill-standing.usecase';
import { RecordMediaFillUseCase } from '../media-fills/usecases/record-media-fill.usecase';
import { productionDataSourceOptions } from '../production.data-source';
import { FacilityRegisterRepository } from './facility-register.repository';
import { FacilityRepository } from './facility.repository';
import { ChangeRoomUseCase } from './usecases/change-room.usecase';
import { RecordIntegrityCheckUseCase } from './usecases/record-integrity-check.usecase';
import { RegisterAreaUseCase } from './usecases/register-area.usecase';
import { RegisterEquipmentUseCase } from './usecases/register-equipment.usecase';
import { RegisterLineUseCase } from './usecases/register-line.usecase';
import { RegisterRoomUseCase } from './usecases/register-room.usecase';
import { RegisterShiftUseCase } from './usecases/register-shift.usecase';

// Real PostgreSQL: the production schema as migrated, written through the services' role;
// `owner` is the schema owner, for the refusals that hold even for it.
let db: DataSource;
let owner: DataSource;
const manager: Actor = { userId: 'it.manager', role: 'production-manager' };
const operator: Actor = { userId: 'it.operator', role: 'operator' };
const facility = new FacilityRepository();
const register = new FacilityRegisterRepository();
const clock = new SystemClock();
const ids = new RandomUuidGenerator();
const code = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;

beforeAll(async () => {
  db = await new DataSource(productionDataSourceOptions()).initialize();
  owner = await new DataSource({
    ...productionDataSourceOptions(),
    url: migrationDatabaseUrl(),
  } as DataSourceOptions).initialize();
});
afterAll(async () => {
  await db?.destroy();
  await owner?.destroy();
});

const audits = async (recordType: string, recordId: string) =>
  (
    await db.query(
      `SELECT count(*)::int AS n FROM production.audit_entry WHERE record_type = $1 AND record_id = $2`,
      [recordType, recordId],
    )
  )[0].n as number;

/** A fresh cell-product area with a grade D room and an isolator checked every 30 days. */
async function newIsolator() {
  const area = await new RegisterAreaUseCase(db, facility, register).execute({
    areaCode: code('IT'),
    name: 'Integration area',
    purpose: 'cell-product',
    airHandlingSystem: code('AHU'),
    pressureRegime: 'positive',
    by: manager,
  });
  const room = await new RegisterRoomUseCase(db, facility, register).execute({
    roomCode: code('ITR'),
    areaCode: area.areaCode,
    name: 'Closed processing',
    grade: 'D',
    by: manager,
  });
  const isolator = await new RegisterEquipmentUseCase(db, facility, register).execute({
    equipmentCode: code('ISO'),
    roomCode: room.roomCode,
    name: 'Isolator',
    equipmentClass: 'isolator',
    integrityCheckIntervalDays: 30,
    by: manager,
  });
  return { area, room, isolator };
}

describe('facility register on real PostgreSQL (§6, FAC-01, FAC-02)', () => {
  it('registers an area, room and isolator, each with its audit entry, and refuses a taken code', async () => {
    const { area, room, isolator } = await newIsolator();
    expect(isolator).toMatchObject({ lastPassedIntegrityCheckAt: null, active: true });
    expect(await audits('production-area', area.areaCode)).toBe(1);
    expect(await audits('room', room.roomCode)).toBe(1);
    expect(await audits('equipment', isolator.equipmentCode)).toBe(1);
    await expect(
      new RegisterRoomUseCase(db, facility, register).execute({
        roomCode: room.roomCode,
        areaCode: area.areaCode,
        name: 'again',
        grade: 'C',
        by: manager,
      }),
    ).rejects.toMatchObject({ code: 'FACILITY_CODE_TAKEN' });
  });

  it('CSV-01 changes a room grade with its reason, old and new value in the audit trail', async () => {
    const { room } = await newIsolator();
    const changed = await new ChangeRoomUseCase(db, facility, register).execute(room.roomCode, {
      grade: 'C',
      reason: 'requalified after the HVAC upgrade',
      by: manager,
    });
    expect(changed.grade).toBe('C');
    const [entry] = await db.query(
      `SELECT reason, canonical_content FROM production.audit_entry
        WHERE record_type = 'room' AND record_id = $1 AND action = 'update'`,
      [room.roomCode],
    );
    expect(entry.reason).toBe('requalified after the HVAC upgrade');
    expect(JSON.parse(entry.canonical_content)).toMatchObject({
      oldValue: { grade: 'D' },
      newValue: { grade: 'C' },
    });
  });

  it('AREA_SEPARATION refuses a vector area on a shared air-handling system and writes nothing', async () => {
    const { area } = await newIsolator();
    const vectorCode = code('VEC');
    await expect(
      new RegisterAreaUseCase(db, facility, register).execute({
        areaCode: vectorCode,
        name: 'Vector area',
        purpose: 'vector',
        airHandlingSystem: area.airHandlingSystem,
        pressureRegime: 'positive',
        by: manager,
      }),
    ).rejects.toMatchObject({ code: 'AREA_SEPARATION' });
    expect(await facility.area(db.manager, vectorCode)).toBeUndefined();
    expect(await audits('production-area', vectorCode)).toBe(0);
  });

  it('FAC-01 records checks once; a failed latest check shows until a later pass', async () => {
    const { isolator } = await newIsolator();
    const record = new RecordIntegrityCheckUseCase(db, facility, register, clock, ids);
    const check = (
      result: 'pass' | 'fail',
      eventId = randomUUID(),
      checkedAt = new Date().toISOString(),
    ) =>
      record.execute(isolator.equipmentCode, {
        checkedAt,
        result,
        method: 'pressure-decay test',
        eventId,
        checkedBy: operator,
      });
    const eventId = randomUUID();
    const checkedAt = new Date().toISOString();
    const passed = await check('pass', eventId, checkedAt);
    expect(await check('pass', eventId, checkedAt)).toEqual(passed);
    // The same event id for another check (here: another time) is a conflict, not a repeat.
    await expect(check('pass', eventId)).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
    await check('fail');
    const failed = await facility.equipment(db.manager, isolator.equipmentCode);
    expect(failed?.lastIntegrityCheckFailedAt).not.toBeNull();
    await check('pass');
    const again = await facility.equipment(db.manager, isolator.equipmentCode);
    expect(again?.lastIntegrityCheckFailedAt).toBeNull();
    expect(await audits('equipment-integrity-check', passed.checkId)).toBe(1);
  });

  it('FAC-01 keeps integrity checks append-only for the service role (grants) and the owner (trigger)', async () => {
    const { isolator } = await newIsolator();
    const check = await new RecordIntegrityCheckUseCase(db, facility, register, clock, ids).execute(
      isolator.equipmentCode,
      {
        checkedAt: new Date().toISOString(),
        result: 'fail',
        method: 'glove leak test',
        eventId: randomUUID(),
        checkedBy: operator,
      },
    );
    const update = `UPDATE production.equipment_integrity_check SET result = 'pass' WHERE check_id = $1`;
    const remove = `DELETE FROM production.equipment_integrity_check WHERE check_id = $1`;
    await expect(db.query(update, [check.checkId])).rejects.toThrow(/permission denied/);
    await expect(db.query(remove, [check.checkId])).rejects.toThrow(/permission denied/);
    await expect(owner.query(update, [check.checkId])).rejects.toThrow(/never changed or deleted/);
    await expect(owner.query(remove, [check.checkId])).rejects.toThrow(/never changed or deleted/);
  });
});

describe('media fills on real PostgreSQL (PRD-02)', () => {
  const mediaFills = new MediaFillRepository();
  const today = () => new Date().toISOString().slice(0, 10);

  async function newLineAndShift() {
    const { area } = await newIsolator();
    const line = await new RegisterLineUseCase(db, facility, register).execute({
      lineCode: code('L'),
      areaCode: area.areaCode,
      name: 'Integration line',
      by: manager,
    });
    const shift = await new RegisterShiftUseCase(db, facility, register).execute({
      shiftCode: code('S'),
      name: 'Integration shift',
      startsAt: '06:00',
      endsAt: '14:00',
      by: manager,
    });
    return { lineCode: line.lineCode, shiftCode: shift.shiftCode };
  }
  const run = (at: { lineCode: string; shiftCode: string }, unitsContaminated: number) =>
    new RecordMediaFillUseCase(db, facility, mediaFills, clock, ids).execute({
      ...at,
      performedOn: today(),
      kind: 'initial',
      approach: 'single',
      productCodes: ['CART-CD19'],
      equipmentClasses: ['isolator'],
      operationsNotSimulated: [{ operation: 'cryopreservation', rationale: 'inhibits growth' }],
      unitsFilled: 120,
      unitsContaminated,
      eventId: randomUUID(),
      recordedBy: manager,
    });

  it('PRD-02 judges the runs and the standing follows them, inside a transaction', async () => {
    const at = await newLineAndShift();
    const standing = new MediaFillStanding(db, facility, mediaFills, clock);
    await expect(
      db.transaction((m) => standing.require(m, at.lineCode, at.shiftCode, new Date())),
    ).rejects.toMatchObject({ code: 'PRD-02' });
    const passed = await run(at, 0);
    expect(passed.result).toBe('pass');
    expect(await audits('media-fill', passed.mediaFillId)).toBe(1);
    await expect(
      db.transaction((m) => standing.require(m, at.lineCode, at.shiftCode, new Date())),
    ).resolves.toMatchObject({ current: true });
    expect((await run(at, 1)).result).toBe('fail');
    await expect(
      db.transaction((m) => standing.require(m, at.lineCode, at.shiftCode, new Date())),
    ).rejects.toMatchObject({ code: 'PRD-02', message: expect.stringContaining('failed') });
  });

  it('PRD-02 keeps media fills append-only, and the database refuses a typed result that the units contradict', async () => {
    const at = await newLineAndShift();
    const recorded = await run(at, 0);
    const update = `UPDATE production.media_fill SET units_contaminated = 1, result = 'fail' WHERE media_fill_id = $1`;
    const remove = `DELETE FROM production.media_fill WHERE media_fill_id = $1`;
    await expect(db.query(update, [recorded.mediaFillId])).rejects.toThrow(/permission denied/);
    await expect(db.query(remove, [recorded.mediaFillId])).rejects.toThrow(/permission denied/);
    await expect(owner.query(update, [recorded.mediaFillId])).rejects.toThrow(
      /never changed or deleted/,
    );
    await expect(
      db.query(
        `INSERT INTO production.media_fill (media_fill_id, event_id, line_code, shift_code, performed_on,
           kind, approach, product_codes, equipment_classes, units_filled, units_contaminated, result,
           recorded_by, recorded_by_role)
         VALUES ($1, $2, $3, $4, current_date, 'periodic', 'single', '["CART-CD19"]', '["isolator"]',
           100, 2, 'pass', 'it', 'production-manager')`,
        [randomUUID(), randomUUID(), at.lineCode, at.shiftCode],
      ),
    ).rejects.toThrow(/CHK_media_fill_result/);
  });

  it('PRD-02 seeds L1 current on the day shift and L2 not, its pass seven months old', async () => {
    const standing = new MediaFillStanding(db, facility, mediaFills, clock);
    await expect(standing.status('L1', 'DAY')).resolves.toMatchObject({ current: true });
    await expect(standing.status('L2', 'DAY')).resolves.toMatchObject({
      current: false,
      reason: expect.stringContaining('a pass per shift every six months is needed'),
    });
  });
});
