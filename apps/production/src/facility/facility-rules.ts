import {
  CLEANROOM_GRADES,
  type CleanroomGrade,
  DomainError,
  INTEGRITY_CHECKED_CLASSES,
} from '@v2v/contracts';
import type { Equipment, Room } from './facility';

const DAY_MS = 86_400_000;

/** True when a room of `roomGrade` is at least as clean as `required` (§6(4)). */
export function gradeSatisfies(roomGrade: CleanroomGrade, required: CleanroomGrade): boolean {
  return CLEANROOM_GRADES.indexOf(roomGrade) <= CLEANROOM_GRADES.indexOf(required);
}

/** FAC-02: a step that needs `required` is refused in a room of lower grade. */
export function requireRoomGrade(room: Room, required: CleanroomGrade, what: string): void {
  if (!gradeSatisfies(room.grade, required))
    throw new DomainError(
      'FAC-02',
      `${what} needs grade ${required}; room ${room.roomCode} is grade ${room.grade} (FAC-02)`,
      { roomCode: room.roomCode, roomGrade: room.grade, requiredGrade: required },
    );
}

/**
 * When the equipment's integrity check falls due: its last passed check plus the interval.
 * Undefined for equipment without a schedule; `null` when it has never passed one.
 */
export function integrityCheckDueAt(equipment: Equipment): Date | null | undefined {
  if (!INTEGRITY_CHECKED_CLASSES.includes(equipment.equipmentClass)) return undefined;
  if (!equipment.lastPassedIntegrityCheckAt || !equipment.integrityCheckIntervalDays) return null;
  const last = new Date(equipment.lastPassedIntegrityCheckAt).getTime();
  return new Date(last + equipment.integrityCheckIntervalDays * DAY_MS);
}

/**
 * FAC-01: a step on an isolator or closed system is refused once its integrity check is overdue
 * at `at` (or it never passed one). Other equipment has no schedule and passes.
 */
export function requireIntegrityCheckCurrent(equipment: Equipment, at: Date): void {
  const dueAt = integrityCheckDueAt(equipment);
  if (dueAt === undefined) return;
  if (dueAt === null)
    throw new DomainError(
      'FAC-01',
      `${equipment.equipmentClass} ${equipment.equipmentCode} has no passed integrity check on record (FAC-01)`,
      { equipmentCode: equipment.equipmentCode },
    );
  if (dueAt.getTime() <= at.getTime())
    throw new DomainError(
      'FAC-01',
      `the integrity check of ${equipment.equipmentClass} ${equipment.equipmentCode} was due ${dueAt.toISOString()}; record a passed check before using it (FAC-01)`,
      { equipmentCode: equipment.equipmentCode, dueAt: dueAt.toISOString() },
    );
}
