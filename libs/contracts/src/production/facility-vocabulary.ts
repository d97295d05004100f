/*
 * The factory floor's vocabulary (§6, §9): what production areas are for, the cleanroom grades
 * of §6(4), the equipment classes the rules tell apart and how a step is operated. The facility
 * register, the process definitions and the production calendar all speak it.
 */

/**
 * §6(1)–(2): a vector area and an area for material carrying an infectious-disease marker are
 * separate production areas, each with its own air-handling system.
 */
export const AREA_PURPOSES = ['cell-product', 'vector', 'positive-material'] as const;
export type AreaPurpose = (typeof AREA_PURPOSES)[number];

/** §6(2): where positive material is exposed, the area is kept at relative negative pressure. */
export const PRESSURE_REGIMES = ['positive', 'negative'] as const;
export type PressureRegime = (typeof PRESSURE_REGIMES)[number];

/** §6(4)'s grades, strongest first: A in a B background, local A in a C background, C, D. */
export const CLEANROOM_GRADES = ['A-in-B', 'local-A-in-C', 'C', 'D'] as const;
export type CleanroomGrade = (typeof CLEANROOM_GRADES)[number];

/**
 * The classes of equipment the rules tell apart: isolators and other closed systems carry an
 * integrity-check schedule (FAC-01, §6(3)); incubators are shared or physically separated into
 * compartments (PRD-04, §9(5)6).
 */
export const EQUIPMENT_CLASSES = [
  'isolator',
  'closed-system',
  'biosafety-cabinet',
  'incubator',
  'general',
] as const;
export type EquipmentClass = (typeof EQUIPMENT_CLASSES)[number];

/** The classes whose integrity is checked on a schedule (FAC-01). */
export const INTEGRITY_CHECKED_CLASSES: readonly EquipmentClass[] = ['isolator', 'closed-system'];

/** §9(5)6: a shared chamber, or physically separated compartments (e.g. a honeycomb incubator). */
export const INCUBATOR_SEPARATIONS = ['shared', 'compartmented'] as const;
export type IncubatorSeparation = (typeof INCUBATOR_SEPARATIONS)[number];

/** §6(4)'s note: every example above grade D is an operation on a system that is not closed. */
export const OPERATION_TYPES = ['open', 'closed'] as const;
export type OperationType = (typeof OPERATION_TYPES)[number];

/** Codes of areas, rooms, equipment, lines and shifts: capitals, digits and dashes. */
export const FACILITY_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,31}$/;
