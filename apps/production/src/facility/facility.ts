import type {
  AreaPurpose,
  CleanroomGrade,
  EquipmentClass,
  IncubatorSeparation,
  PressureRegime,
} from '@v2v/contracts';

/** A production area (§6(1)–(2)). */
export interface ProductionArea {
  areaCode: string;
  name: string;
  purpose: AreaPurpose;
  airHandlingSystem: string;
  pressureRegime: PressureRegime;
  active: boolean;
}

/** A room with its cleanroom grade (§6(4)) and the area it is in. */
export interface Room {
  roomCode: string;
  areaCode: string;
  name: string;
  grade: CleanroomGrade;
  active: boolean;
  area: ProductionArea;
}

/** A piece of equipment in a room, with its last passed integrity check where it has one. */
export interface Equipment {
  equipmentCode: string;
  roomCode: string;
  name: string;
  equipmentClass: EquipmentClass;
  integrityCheckIntervalDays: number | null;
  incubatorSeparation: IncubatorSeparation | null;
  compartments: number | null;
  active: boolean;
  lastPassedIntegrityCheckAt: string | null;
  /**
   * When the latest integrity check was made, if it failed: the equipment is out of use until
   * a later check passes (FAC-01). Null when the latest check passed or there is none.
   */
  lastIntegrityCheckFailedAt: string | null;
}

/** FAC-01 standing of a piece of equipment at a moment; `not-scheduled` outside its classes. */
export type IntegrityCheckStatus =
  'not-scheduled' | 'current' | 'overdue' | 'never-checked' | 'failed';

/** A production line of an area: media fills (PRD-02) and capacity are per line. */
export interface ProductionLine {
  lineCode: string;
  areaCode: string;
  name: string;
  /** How many batches the line carries at once (manufacturing slots). */
  batchCapacity: number;
  active: boolean;
}

/** A shift; times of day as `HH:MM`, a night shift ending the next day. */
export interface ProductionShift {
  shiftCode: string;
  name: string;
  startsAt: string;
  endsAt: string;
  active: boolean;
}
