/**
 * A refusal by a domain rule. `code` is machine-readable and, where a GMP rule refused
 * the action, is that rule's ID (e.g. `TRC-02`); `message` is the human sentence.
 * Services throw it; each edge (HTTP filter, Temporal activity) translates it once.
 */
export class DomainError extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const REFUSAL_CODES = {
  /** The step is not allowed in the journey's current stage. */
  STEP_OUT_OF_ORDER: 'conflict',
  /** Another step of the same journey is being applied right now. */
  STEP_IN_PROGRESS: 'conflict',
  /** A scanned label or bedside code does not match the journey's donor unique code. */
  IDENTITY_MISMATCH: 'conflict',
  /** Donor unique code malformed or with a wrong check character. */
  'TRC-02': 'invalid',
  /** The institution is not on the approved list. */
  'DON-02': 'conflict',
  /** A change of a GMP record without a reason, or an attempt to alter the audit trail. */
  'CSV-01': 'invalid',
  /** No current training record and authorization for the operation. */
  'PER-01': 'forbidden',
  /**
   * A shipment without the instructions for use of the journey's pinned specification version,
   * or an infusion before the hospital acknowledged their receipt (§12(1)).
   */
  'OTH-01': 'conflict',
  /** Hospital staff not trained to sign collection or infusion records. */
  'OTH-02': 'forbidden',
  /** Signing refused: the re-entered credentials do not match the signer. */
  'CSV-02': 'forbidden',
  /** A release decision by someone who is not a qualified person. */
  'PER-03': 'forbidden',
  /** A delete of a record still inside its retention period. */
  'QA-03': 'conflict',
  /** Hand-over or shipment on a shipper/lane configuration that is not qualified. */
  'MAT-03': 'conflict',
  /** A donor whose screening or infectious-marker results fail the product's standards. */
  'DON-01': 'conflict',
  /** Receipt inspection: the unit failed one of the six checks (DON-04.1 … DON-04.6). */
  'DON-04': 'conflict',
  /** Known-positive material not kept apart (transport, receipt, storage, issue). */
  'DON-05': 'conflict',
  /** Donor material not evaluated and released by QA, or its evaluation failed. */
  'DON-06': 'conflict',
  /**
   * Positive material into a storage unit not dedicated to it, or other material into one that is.
   */
  'FAC-03': 'conflict',
  /** A key material without a risk assessment, or a lot not released, expired or unknown. */
  'MAT-01': 'conflict',
  /** An infectious-marker reagent not approved for blood screening, without a justification. */
  'MAT-02': 'invalid',
  /**
   * Nonconforming material without a recorded, signed disposition (destroy, return, quarantine).
   */
  'MAT-04': 'invalid',
  /**
   * A logger upload for a custody leg whose hand-over named another data logger (GEN-01): the
   * device is bound to the leg it was packed with.
   */
  'GEN-01': 'conflict',
  /** A product specification that cannot be published (incomplete or inconsistent). */
  'GEN-03': 'invalid',
  /**
   * §10(1): a sample or retention exception without what its record needs (a retention sample's
   * end, a key-material lot's retention to its expiry, an exception's photo, report or sample),
   * or a journey whose retention is not settled. 'invalid': each is a record that lacks
   * something the requester must supply, not a state another record could change.
   */
  'QA-01': 'invalid',
  /** Release refused: QC results missing or out of specification. */
  'QA-02': 'conflict',
  /**
   * §10(4): an emergency raised on the product (a QC result out of specification after its
   * conditional release) is open: the product is on hold and may not be infused.
   */
  'QA-04': 'conflict',
  /** A step on an isolator or closed system whose integrity check is overdue (§6(3)). */
  'FAC-01': 'conflict',
  /** A step booked or started in a room of lower cleanroom grade than it needs (§6(4)). */
  'FAC-02': 'conflict',
  /**
   * A person from a vector area or who handled positive material, without a recorded
   * decontamination, starting work in another production area (§5(3)).
   */
  'PER-02': 'forbidden',
  /** A batch that is not one run under one set of conditions, or without its cell count. */
  'PRD-01': 'invalid',
  /** Production on a line and shift without a current media fill pass (§9(2)). */
  'PRD-02': 'conflict',
  /** A commercial batch on a process version that is not validated (§9(3)–(4)). */
  'PRD-03': 'conflict',
  /** A booking or step start that breaks a room-scheduling rule of §9(5)1–7. */
  'PRD-04': 'conflict',
  /** An environmental monitoring record incomplete, or a contamination not assessed (§9(6)). */
  'PRD-05': 'conflict',
  /** A scanned donor material or product label that does not match the batch (§9(7)). */
  'PRD-06': 'conflict',
  /** A container used or filled without its visual inspection recorded (§9(8)). */
  'PRD-07': 'conflict',
  /**
   * A consumable without its lot, a transfer outside its limits, or positive waste removed
   * before its inactivation is recorded (§9(9)–(11)).
   */
  'PRD-08': 'conflict',
  /** An area, room, equipment, line or shift code already on the facility register. */
  FACILITY_CODE_TAKEN: 'conflict',
  /**
   * §6(1)–(2): a vector or positive-material area sharing an air-handling system with another
   * area, or a positive-material area not at negative pressure.
   */
  AREA_SEPARATION: 'conflict',
  /** The same idempotency key or event id was reused with a different request. */
  IDEMPOTENCY_CONFLICT: 'conflict',
  /**
   * No production line can take the journey's batch in the days its material allows: the
   * message names the earliest day one is free.
   */
  NO_MANUFACTURING_SLOT: 'conflict',
  /** A re-manufacture asked for a journey whose donor material has no unused retained portion. */
  NO_RETAINED_MATERIAL: 'conflict',
  /** A write that a unique constraint refused: the same record is already on record. */
  RECORD_ALREADY_EXISTS: 'conflict',
  /** A deviation already investigated and closed cannot be closed again. */
  DEVIATION_ALREADY_CLOSED: 'conflict',
  /**
   * A donor material label asked for before the records it prints (collection, screening) exist.
   */
  LABEL_NOT_AVAILABLE: 'conflict',
  /** An institution id or facility code already on the register. */
  INSTITUTION_ALREADY_REGISTERED: 'conflict',
  /** The journey has ended; no further step can be applied. */
  JOURNEY_CLOSED: 'conflict',
  /** No published product specification for the ordered product (GEN-03). */
  UNKNOWN_PRODUCT: 'invalid',
  /** A re-entered password (the current one, at a password change) does not match. */
  INVALID_CREDENTIALS: 'forbidden',
  /** A username already taken by another account. */
  USER_ALREADY_EXISTS: 'conflict',
  /** An administrator changing their own role, status or password through user administration. */
  SELF_ADMINISTRATION: 'forbidden',
  /** Disabling a disabled account, or enabling an enabled one. */
  ACCOUNT_STATE_UNCHANGED: 'conflict',
  /** A training record already withdrawn. */
  TRAINING_RECORD_WITHDRAWN: 'conflict',
  NOT_FOUND: 'not-found',
  /** No valid credential: a user's token, or a service credential on an internal API. */
  UNAUTHENTICATED: 'unauthenticated',
  /** The owning service did not answer within the step's retry budget; nothing was applied. */
  SERVICE_UNAVAILABLE: 'unavailable',
  VALIDATION_FAILED: 'invalid',
} as const satisfies Record<
  string,
  'invalid' | 'not-found' | 'conflict' | 'forbidden' | 'unavailable' | 'unauthenticated'
>;

export type RefusalCode = keyof typeof REFUSAL_CODES;
export type RefusalKind = (typeof REFUSAL_CODES)[RefusalCode];

export function refusalKind(code: string): RefusalKind | undefined {
  return (REFUSAL_CODES as Record<string, RefusalKind>)[code];
}
