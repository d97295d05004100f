import { randomUUID } from 'node:crypto';
import { api, type Refusal, unique } from './support/accounts';

// Unique codes per run, so reruns on the same database pass.
const code = (prefix: string) => `${prefix}-${unique().toUpperCase()}`;
const manage = <T = Refusal>(path: string, body: unknown) =>
  api.as<T>('production-manager', 'POST', path, { body });

interface EquipmentView {
  integrityCheck: { status: string; dueAt: string | null };
}

async function newArea(airHandlingSystem = code('AHU')) {
  const area = {
    areaCode: code('E2E'),
    name: 'E2E area',
    purpose: 'cell-product',
    airHandlingSystem,
    pressureRegime: 'positive',
  };
  expect(await manage('/api/facility/areas', area)).toMatchObject({ status: 201 });
  return area;
}

describe('facility register through the gateway (§6, FAC-01, PRD-02)', () => {
  it('FAC-02 registers an area, room and isolator as production manager; an operator is refused 403, a taken room code 409', async () => {
    const area = await newArea();
    const room = {
      roomCode: code('R'),
      areaCode: area.areaCode,
      name: 'Open room',
      grade: 'A-in-B',
    };
    expect(await api.as('operator', 'POST', '/api/facility/rooms', { body: room })).toMatchObject({
      status: 403,
    });
    expect(await manage('/api/facility/rooms', room)).toMatchObject({
      status: 201,
      body: { roomCode: room.roomCode, grade: 'A-in-B' },
    });
    expect(await manage('/api/facility/rooms', room)).toMatchObject({
      status: 409,
      body: { code: 'FACILITY_CODE_TAKEN' },
    });
    const isolator = {
      equipmentCode: code('ISO'),
      roomCode: room.roomCode,
      name: 'E2E isolator',
      equipmentClass: 'isolator',
      integrityCheckIntervalDays: 30,
    };
    expect(await manage('/api/facility/equipment', isolator)).toMatchObject({ status: 201 });
    const floor = await api.as<{ areas: Array<{ areaCode: string; rooms: unknown[] }> }>(
      'qa-qp',
      'GET',
      '/api/facility',
    );
    expect(floor.body.areas.find((a) => a.areaCode === area.areaCode)).toMatchObject({
      rooms: [
        {
          roomCode: room.roomCode,
          equipment: [
            {
              equipmentCode: isolator.equipmentCode,
              integrityCheck: { status: 'never-checked', dueAt: null },
            },
          ],
        },
      ],
    });
  });

  it('AREA_SEPARATION refuses a vector area on an air-handling system that serves another area', async () => {
    const shared = await newArea();
    const vector = await manage('/api/facility/areas', {
      areaCode: code('VEC'),
      name: 'E2E vector area',
      purpose: 'vector',
      airHandlingSystem: shared.airHandlingSystem,
      pressureRegime: 'positive',
    });
    expect(vector).toMatchObject({
      status: 409,
      body: { code: 'AREA_SEPARATION', message: expect.stringContaining(shared.areaCode) },
    });
  });

  it('FAC-01 shows an isolator current after a passed check, and failed after a failed one', async () => {
    const area = await newArea();
    const roomCode = code('R');
    await manage('/api/facility/rooms', {
      roomCode,
      areaCode: area.areaCode,
      name: 'Closed',
      grade: 'D',
    });
    const equipmentCode = code('ISO');
    await manage('/api/facility/equipment', {
      equipmentCode,
      roomCode,
      name: 'E2E isolator',
      equipmentClass: 'isolator',
      integrityCheckIntervalDays: 30,
    });
    const check = (user: string, result: 'pass' | 'fail') =>
      api.as(user, 'POST', `/api/equipment/${equipmentCode}/integrity-checks`, {
        body: { checkedAt: new Date().toISOString(), result, method: 'pressure-decay test' },
        idempotencyKey: randomUUID(),
      });
    expect(await check('operator', 'pass')).toMatchObject({
      status: 201,
      body: { result: 'pass' },
    });
    const current = await api.as<EquipmentView>(
      'operator',
      'GET',
      `/api/equipment/${equipmentCode}`,
    );
    expect(current.body.integrityCheck.status).toBe('current');
    expect(await check('production-manager', 'fail')).toMatchObject({ status: 201 });
    const failed = await api.as<EquipmentView>('ops', 'GET', `/api/equipment/${equipmentCode}`);
    expect(failed.body.integrityCheck.status).toBe('failed');
  });

  it('PRD-02 records media fills judged by the system and answers the standing of a line and shift', async () => {
    const area = await newArea();
    const lineCode = code('L');
    const shiftCode = code('S');
    await manage('/api/facility/lines', { lineCode, areaCode: area.areaCode, name: 'E2E line' });
    await manage('/api/facility/shifts', {
      shiftCode,
      name: 'E2E shift',
      startsAt: '22:00',
      endsAt: '06:00',
    });
    const mediaFill = (unitsContaminated: number) =>
      api.as<{ result: string }>('production-manager', 'POST', '/api/media-fills', {
        body: {
          lineCode,
          shiftCode,
          performedOn: new Date().toISOString().slice(0, 10),
          kind: 'initial',
          approach: 'single',
          productCodes: ['CART-CD19'],
          equipmentClasses: ['isolator'],
          operationsNotSimulated: [{ operation: 'cryopreservation', rationale: 'inhibits growth' }],
          unitsFilled: 150,
          unitsContaminated,
        },
        idempotencyKey: randomUUID(),
      });
    const status = (line: string, shift: string) =>
      api.as<{ current: boolean; reason: string | null }>(
        'operator',
        'GET',
        `/api/production-lines/${line}/media-fill-status?shift=${shift}`,
      );
    expect(await mediaFill(0)).toMatchObject({ status: 201, body: { result: 'pass' } });
    expect((await status(lineCode, shiftCode)).body).toMatchObject({ current: true });
    expect(await mediaFill(1)).toMatchObject({ status: 201, body: { result: 'fail' } });
    expect((await status(lineCode, shiftCode)).body).toMatchObject({
      current: false,
      reason: expect.stringContaining('failed'),
    });
    const bracketing = await api.as('production-manager', 'POST', '/api/media-fills', {
      body: {
        lineCode,
        shiftCode,
        performedOn: new Date().toISOString().slice(0, 10),
        kind: 'periodic',
        approach: 'bracketing',
        productCodes: ['CART-CD19'],
        equipmentClasses: ['isolator'],
        unitsFilled: 150,
        unitsContaminated: 0,
      },
      idempotencyKey: randomUUID(),
    });
    expect(bracketing).toMatchObject({ status: 409, body: { code: 'PRD-02' } });
    expect(await api.as('operator', 'POST', '/api/media-fills', { body: {} })).toMatchObject({
      status: 403,
    });
  });

  it('PRD-02 answers the seeded lines: L1 DAY current, L2 DAY not, its last pass seven months old', async () => {
    const l1 = await api.as<{ current: boolean }>(
      'qa-qp',
      'GET',
      '/api/production-lines/L1/media-fill-status?shift=DAY',
    );
    expect(l1).toMatchObject({ status: 200, body: { current: true } });
    const l2 = await api.as<{ current: boolean; reason: string }>(
      'qa-qp',
      'GET',
      '/api/production-lines/L2/media-fill-status?shift=DAY',
    );
    expect(l2).toMatchObject({
      status: 200,
      body: {
        current: false,
        reason: expect.stringMatching(/line L2 on shift DAY .* counted until .* every six months/),
      },
    });
  });
});
