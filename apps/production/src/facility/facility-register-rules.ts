import {
  type AreaPurpose,
  DomainError,
  type EquipmentClass,
  INTEGRITY_CHECKED_CLASSES,
  type PressureRegime,
} from '@v2v/contracts';
import type { Equipment, ProductionArea } from './facility';

/** §6(1)–(2): the purposes whose area has an air-handling system of its own. */
const SEPARATED_PURPOSES: readonly AreaPurpose[] = ['vector', 'positive-material'];
/** A clock on the checker's device may run a little ahead of the server's. */
const CLOCK_SKEW_MS = 5 * 60_000;

interface FieldError {
  path: string;
  message: string;
}

const invalid = (message: string, fieldErrors: FieldError[]) =>
  new DomainError('VALIDATION_FAILED', message, { fieldErrors });

/**
 * §6(1)–(2): a vector area and a positive-material area each have their own air-handling
 * system. `sharing` are the other areas that system already serves: none may be added to it
 * when the new area is one of those, nor when one of them is.
 */
export function requireAreaSeparation(
  area: { areaCode: string; purpose: AreaPurpose; airHandlingSystem: string },
  sharing: readonly ProductionArea[],
): void {
  const others = sharing.filter((a) => a.areaCode !== area.areaCode);
  if (others.length === 0) return;
  const separated = others.filter((a) => SEPARATED_PURPOSES.includes(a.purpose));
  if (!SEPARATED_PURPOSES.includes(area.purpose) && separated.length === 0) return;
  const served = others.map((a) => `${a.areaCode} (${a.purpose})`).join(', ');
  throw new DomainError(
    'AREA_SEPARATION',
    SEPARATED_PURPOSES.includes(area.purpose)
      ? `a ${area.purpose} area needs an air-handling system of its own; ${area.airHandlingSystem} already serves ${served} (AREA_SEPARATION)`
      : `air-handling system ${area.airHandlingSystem} is dedicated to ${served}; area ${area.areaCode} needs another (AREA_SEPARATION)`,
    { airHandlingSystem: area.airHandlingSystem, servedAreas: others.map((a) => a.areaCode) },
  );
}

/** §6(2): where positive material is exposed the area is kept at relative negative pressure. */
export function requirePressureForPurpose(
  areaCode: string,
  purpose: AreaPurpose,
  pressure: PressureRegime,
): void {
  if (purpose === 'positive-material' && pressure !== 'negative')
    throw new DomainError(
      'AREA_SEPARATION',
      `positive-material area ${areaCode} must be at negative pressure, not ${pressure} (AREA_SEPARATION)`,
      { areaCode, pressureRegime: pressure },
    );
}

/**
 * What a class of equipment carries: an integrity-check schedule for isolators and closed
 * systems only (FAC-01), a separation for incubators only, compartments for a compartmented one.
 */
export function requireEquipmentShape(equipment: {
  equipmentClass: EquipmentClass;
  integrityCheckIntervalDays?: number | null;
  incubatorSeparation?: string | null;
  compartments?: number | null;
}): void {
  const errors: FieldError[] = [];
  const checked = INTEGRITY_CHECKED_CLASSES.includes(equipment.equipmentClass);
  const has = (v: unknown) => v !== undefined && v !== null;
  if (checked !== has(equipment.integrityCheckIntervalDays))
    errors.push({
      path: 'integrityCheckIntervalDays',
      message: checked
        ? `required for a ${equipment.equipmentClass} (FAC-01)`
        : `only isolators and closed systems have an integrity-check schedule, not a ${equipment.equipmentClass}`,
    });
  const incubator = equipment.equipmentClass === 'incubator';
  if (incubator !== has(equipment.incubatorSeparation))
    errors.push({
      path: 'incubatorSeparation',
      message: incubator ? 'required for an incubator' : 'incubators only',
    });
  if ((equipment.incubatorSeparation === 'compartmented') !== has(equipment.compartments))
    errors.push({
      path: 'compartments',
      message:
        equipment.incubatorSeparation === 'compartmented'
          ? 'required for a compartmented incubator (2–64)'
          : 'a compartmented incubator only',
    });
  if (errors.length > 0)
    throw invalid(`equipment of class ${equipment.equipmentClass} is not described right`, errors);
}

/** A change names at least one field besides its reason. */
export function requireSomeChange(change: object, what: string): void {
  if (!Object.entries(change).some(([k, v]) => k !== 'reason' && k !== 'by' && v !== undefined))
    throw invalid(`the change of ${what} changes nothing`, [
      { path: '', message: 'name at least one field to change' },
    ]);
}

/**
 * FAC-01: integrity checks are recorded for isolators and closed systems only, at a time that
 * is not ahead of the server (beyond clock skew) nor before the equipment was registered.
 */
export function requireIntegrityCheckRecordable(
  equipment: Equipment,
  registeredAt: Date,
  checkedAt: Date,
  now: Date,
): void {
  if (!INTEGRITY_CHECKED_CLASSES.includes(equipment.equipmentClass))
    throw new DomainError(
      'FAC-01',
      `${equipment.equipmentClass} ${equipment.equipmentCode} has no integrity-check schedule; only isolators and closed systems are checked (FAC-01)`,
      { equipmentCode: equipment.equipmentCode },
    );
  if (checkedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw invalid(`an integrity check cannot be recorded ahead of time`, [
      { path: 'checkedAt', message: `${checkedAt.toISOString()} is in the future` },
    ]);
  if (checkedAt.getTime() < registeredAt.getTime())
    throw invalid(`an integrity check cannot predate the equipment's registration`, [
      {
        path: 'checkedAt',
        message: `before ${equipment.equipmentCode} was registered (${registeredAt.toISOString()})`,
      },
    ]);
}
