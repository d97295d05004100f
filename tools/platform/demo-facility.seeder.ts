import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import { DEMO_AREAS, DEMO_EQUIPMENT, DEMO_LINES, DEMO_ROOMS, DEMO_SHIFTS } from '@v2v/testing';
import { DemoFacilityRepository } from './demo-facility.repository';

const S = 'production';
const SEED_ACTOR = { userId: 'seed', role: 'ops' } as const;
const DAY_MS = 86_400_000;

/**
 * Local only: the demo factory floor of `@v2v/testing`'s DEMO_* lists, each row audited as
 * created by the seeder, and a passed integrity check for every isolator and closed system
 * (`lastPassedCheckDaysAgo` before the first run). Returns how many rows it created.
 */
export async function seedDemoFacility(manager: EntityManager, now = new Date()): Promise<number> {
  const demo = new DemoFacilityRepository(manager);
  let created = 0;
  const audited = async (
    recordType: string,
    recordId: string,
    inserted: boolean,
    value: object,
  ) => {
    if (!inserted) return;
    created += 1;
    await writeAudit(manager, S, {
      recordType,
      recordId,
      action: 'create',
      actor: SEED_ACTOR,
      newValue: value,
    });
  };
  for (const a of DEMO_AREAS) {
    const row = {
      area_code: a.areaCode,
      name: a.name,
      purpose: a.purpose,
      air_handling_system: a.airHandlingSystem,
      pressure_regime: a.pressureRegime,
      created_by: SEED_ACTOR.userId,
    };
    await audited('production-area', a.areaCode, await demo.insertArea(row), a);
  }
  for (const r of DEMO_ROOMS) {
    const row = {
      room_code: r.roomCode,
      area_code: r.areaCode,
      name: r.name,
      grade: r.grade,
      created_by: SEED_ACTOR.userId,
    };
    await audited('room', r.roomCode, await demo.insertRoom(row), r);
  }
  for (const e of DEMO_EQUIPMENT) {
    const row = {
      equipment_code: e.equipmentCode,
      room_code: e.roomCode,
      name: e.name,
      equipment_class: e.equipmentClass,
      integrity_check_interval_days:
        'integrityCheckIntervalDays' in e ? e.integrityCheckIntervalDays : null,
      incubator_separation: 'incubatorSeparation' in e ? e.incubatorSeparation : null,
      compartments: 'compartments' in e ? e.compartments : null,
      created_by: SEED_ACTOR.userId,
    };
    const inserted = await demo.insertEquipment(row);
    await audited('equipment', e.equipmentCode, inserted, e);
    if (inserted && 'lastPassedCheckDaysAgo' in e)
      await demo.insertIntegrityCheck({
        check_id: randomUUID(),
        event_id: `seed-integrity-${e.equipmentCode}`,
        equipment_code: e.equipmentCode,
        checked_at: new Date(now.getTime() - e.lastPassedCheckDaysAgo * DAY_MS),
        result: 'pass',
        method: 'pressure-decay test',
        checked_by: SEED_ACTOR.userId,
        checked_by_role: SEED_ACTOR.role,
      });
  }
  for (const l of DEMO_LINES) {
    const row = {
      line_code: l.lineCode,
      area_code: l.areaCode,
      name: l.name,
      batch_capacity: l.batchCapacity,
      created_by: SEED_ACTOR.userId,
    };
    await audited('production-line', l.lineCode, await demo.insertLine(row), l);
    // A floor seeded before lines had a capacity: the seeder runs at every start, so it sets it.
    const previous = await demo.updateLineCapacity(l.lineCode, l.batchCapacity);
    if (previous !== undefined) {
      created += 1;
      await writeAudit(manager, S, {
        recordType: 'production-line',
        recordId: l.lineCode,
        action: 'update',
        actor: SEED_ACTOR,
        reason: 'the demo line capacity (manufacturing slots of the test suites)',
        oldValue: { batchCapacity: previous },
        newValue: { batchCapacity: l.batchCapacity },
      });
    }
  }
  for (const s of DEMO_SHIFTS) {
    const row = {
      shift_code: s.shiftCode,
      name: s.name,
      starts_at: s.startsAt,
      ends_at: s.endsAt,
      created_by: SEED_ACTOR.userId,
    };
    await audited('production-shift', s.shiftCode, await demo.insertShift(row), s);
  }
  return created;
}
