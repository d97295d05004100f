import {
  CLEANROOM_GRADES,
  type CleanroomGrade,
  DomainError,
  INTEGRITY_CHECKED_CLASSES,
} from '@v2v/contracts';
import type { Equipment, IntegrityCheckStatus, Room } from './facility';

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
 * When the equipment's integrity check falls due: its last passed check plus the interval, or
 * at once when its latest check failed. Undefined for equipment without a schedule; `null` when
 * it has never passed one.
 */
export function integrityCheckDueAt(equipment: Equipment): Date | null | undefined {
  if (!INTEGRITY_CHECKED_CLASSES.includes(equipment.equipmentClass)) return undefined;
  if (equipment.lastIntegrityCheckFailedAt) return new Date(equipment.lastIntegrityCheckFailedAt);
  if (!equipment.lastPassedIntegrityCheckAt || !equipment.integrityCheckIntervalDays) return null;
  const last = new Date(equipment.lastPassedIntegrityCheckAt).getTime();
  return new Date(last + equipment.integrityCheckIntervalDays * DAY_MS);
}

/** FAC-01 standing at `at`, as the register shows it: the status and when the check is due. */
export function integrityCheckStatus(
  equipment: Equipment,
  at: Date,
): { status: IntegrityCheckStatus; dueAt: string | null } {
  const dueAt = integrityCheckDueAt(equipment);
  if (dueAt === undefined) return { status: 'not-scheduled', dueAt: null };
  if (dueAt === null) return { status: 'never-checked', dueAt: null };
  const status = equipment.lastIntegrityCheckFailedAt
    ? 'failed'
    : dueAt.getTime() <= at.getTime()
      ? 'overdue'
      : 'current';
  return { status, dueAt: dueAt.toISOString() };
}

/**
 * FAC-01: a step on an isolator or closed system is refused once its integrity check is overdue
 * at `at`, when its latest check failed (until a later pass), or when it never passed one.
 * Other equipment has no schedule and passes.
 */
export function requireIntegrityCheckCurrent(equipment: Equipment, at: Date): void {
  const dueAt = integrityCheckDueAt(equipment);
  if (dueAt === undefined) return;
  const what = `${equipment.equipmentClass} ${equipment.equipmentCode}`;
  if (equipment.lastIntegrityCheckFailedAt)
    throw new DomainError(
      'FAC-01',
      `${what} failed its last integrity check (${equipment.lastIntegrityCheckFailedAt}); record a passed check before using it (FAC-01)`,
      { equipmentCode: equipment.equipmentCode, failedAt: equipment.lastIntegrityCheckFailedAt },
    );
  if (dueAt === null)
    throw new DomainError('FAC-01', `${what} has no passed integrity check on record (FAC-01)`, {
      equipmentCode: equipment.equipmentCode,
    });
  if (dueAt.getTime() <= at.getTime())
    throw new DomainError(
      'FAC-01',
      `the integrity check of ${what} was due ${dueAt.toISOString()}; record a passed check before using it (FAC-01)`,
      { equipmentCode: equipment.equipmentCode, dueAt: dueAt.toISOString() },
    );
}
