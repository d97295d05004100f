import { DomainError } from '@v2v/contracts';
import type { Equipment, Room } from './facility';
import {
  gradeSatisfies,
  integrityCheckDueAt,
  integrityCheckStatus,
  requireIntegrityCheckCurrent,
  requireRoomGrade,
} from './facility-rules';

const room = (grade: Room['grade']): Room => ({
  roomCode: 'R-101',
  areaCode: 'CP-1',
  name: 'Cell processing 101',
  grade,
  active: true,
  area: {
    areaCode: 'CP-1',
    name: 'Cell product area 1',
    purpose: 'cell-product',
    airHandlingSystem: 'AHU-1',
    pressureRegime: 'positive',
    active: true,
  },
});

const isolator = (lastPassedIntegrityCheckAt: string | null): Equipment => ({
  equipmentCode: 'ISO-1',
  roomCode: 'R-101',
  name: 'Isolator 1',
  equipmentClass: 'isolator',
  integrityCheckIntervalDays: 30,
  incubatorSeparation: null,
  compartments: null,
  active: true,
  lastPassedIntegrityCheckAt,
  lastIntegrityCheckFailedAt: null,
});

const codeOf = (fn: () => void) => {
  try {
    fn();
    return 'allowed';
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe('FAC-02 room grade against the grade a step needs', () => {
  it('orders the grades of §6(4) from A-in-B down to D', () => {
    expect(gradeSatisfies('A-in-B', 'D')).toBe(true);
    expect(gradeSatisfies('local-A-in-C', 'local-A-in-C')).toBe(true);
    expect(gradeSatisfies('C', 'local-A-in-C')).toBe(false);
    expect(gradeSatisfies('D', 'C')).toBe(false);
  });

  it('FAC-02 refuses an open step needing A-in-B in a grade C room, naming both grades', () => {
    expect(() => requireRoomGrade(room('C'), 'A-in-B', 'step SEED-OPEN')).toThrow(
      /needs grade A-in-B; room R-101 is grade C \(FAC-02\)/,
    );
    expect(codeOf(() => requireRoomGrade(room('C'), 'A-in-B', 'a step'))).toBe('FAC-02');
  });

  it('FAC-02 allows a closed step needing D in any room', () => {
    for (const grade of ['A-in-B', 'local-A-in-C', 'C', 'D'] as const)
      expect(codeOf(() => requireRoomGrade(room(grade), 'D', 'a step'))).toBe('allowed');
  });
});

describe('FAC-01 integrity check of isolators and closed systems', () => {
  const at = new Date('2026-12-01T08:00:00Z');

  it('FAC-01 allows an isolator checked within its interval', () => {
    expect(codeOf(() => requireIntegrityCheckCurrent(isolator('2026-11-20T08:00:00Z'), at))).toBe(
      'allowed',
    );
  });

  it('FAC-01 refuses an isolator whose check fell due, naming when', () => {
    const stale = isolator('2026-10-31T08:00:00Z');
    expect(integrityCheckDueAt(stale)?.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    expect(() => requireIntegrityCheckCurrent(stale, at)).toThrow(
      /was due 2026-11-30T08:00:00.000Z.*\(FAC-01\)/,
    );
  });

  it('FAC-01 refuses an isolator that never passed a check', () => {
    expect(codeOf(() => requireIntegrityCheckCurrent(isolator(null), at))).toBe('FAC-01');
  });

  it('FAC-01 does not apply to a biosafety cabinet', () => {
    const cabinet: Equipment = {
      ...isolator(null),
      equipmentClass: 'biosafety-cabinet',
      integrityCheckIntervalDays: null,
    };
    expect(integrityCheckDueAt(cabinet)).toBeUndefined();
    expect(codeOf(() => requireIntegrityCheckCurrent(cabinet, at))).toBe('allowed');
  });

  it('FAC-01 refuses an isolator whose latest check failed, even within the interval of a pass', () => {
    const failed = {
      ...isolator('2026-11-20T08:00:00Z'),
      lastIntegrityCheckFailedAt: '2026-11-28T08:00:00.000Z',
    };
    expect(() => requireIntegrityCheckCurrent(failed, at)).toThrow(
      /isolator ISO-1 failed its last integrity check \(2026-11-28T08:00:00.000Z\).*\(FAC-01\)/,
    );
    expect(integrityCheckDueAt(failed)?.toISOString()).toBe('2026-11-28T08:00:00.000Z');
    expect(integrityCheckStatus(failed, at)).toEqual({
      status: 'failed',
      dueAt: '2026-11-28T08:00:00.000Z',
    });
  });

  it('FAC-01 shows each standing in the register: current, overdue, never checked, not scheduled', () => {
    expect(integrityCheckStatus(isolator('2026-11-20T08:00:00Z'), at)).toEqual({
      status: 'current',
      dueAt: '2026-12-20T08:00:00.000Z',
    });
    expect(integrityCheckStatus(isolator('2026-10-31T08:00:00Z'), at).status).toBe('overdue');
    expect(integrityCheckStatus(isolator(null), at)).toEqual({
      status: 'never-checked',
      dueAt: null,
    });
    const cabinet: Equipment = {
      ...isolator(null),
      equipmentClass: 'biosafety-cabinet',
      integrityCheckIntervalDays: null,
    };
    expect(integrityCheckStatus(cabinet, at)).toEqual({ status: 'not-scheduled', dueAt: null });
  });
});
