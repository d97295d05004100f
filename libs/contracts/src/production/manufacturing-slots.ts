import type { Actor } from '../journey/actor';

/*
 * Manufacturing capacity down the chain (issue 11, "capacity, slots and rebooking"): a production
 * line carries one batch at a time, so a manufacturing slot is a line reserved for the days the
 * process definition plans (the sum of its steps' planned hours), in an area that may hold the
 * journey's material (positive material only in its dedicated area, FAC-03/DON-05), never more
 * concurrent lines in one area than the process's validated worst case (PRD-04, §9(5)7).
 *
 * A journey holds at most one booked slot. The journey workflow takes a slot in two phases
 * around the step that needs it (a collection scheduled or postponed, a re-manufacture): a hold
 * before the step (capacity is checked and reserved, so a full calendar refuses the step), then,
 * once the step is recorded, its confirmation (the journey's previous slot, if any, is released
 * as rebooked) or, if the step was refused, the hold's release. A rejected unit, a rejected
 * batch and a cancelled journey release the journey's slot. Every change is recorded and
 * visible to the scheduler and the journey's hospital.
 */

export const MANUFACTURING_SLOT_STATUSES = ['held', 'booked', 'released'] as const;
export type ManufacturingSlotStatus = (typeof MANUFACTURING_SLOT_STATUSES)[number];

export interface ManufacturingSlot {
  slotId: string;
  donorCode: string;
  journeyId: string;
  productCode: string;
  lineCode: string;
  areaCode: string;
  /** First manufacturing day (ISO date, the factory's calendar day). */
  startsOn: string;
  /** The day after the last planned manufacturing day (exclusive end). */
  endsOn: string;
  /**
   * When the product is planned to ship: `endsOn` plus the process's release testing days;
   * null when the process definition declares none.
   */
  plannedShipmentOn: string | null;
  status: ManufacturingSlotStatus;
  /** Why the slot was requested, e.g. "collection scheduled for 2026-12-08". */
  reason: string;
  requestedBy: Actor;
  requestedAt: string;
  /** The journey's slot this one replaced when it was confirmed (a rebooking). */
  replacesSlotId?: string;
  releasedAt?: string;
  releasedBy?: Actor;
  releaseReason?: string;
  /** The batch that started on this slot. */
  batchNumber?: string;
}

interface SlotCommandContext {
  journeyId: string;
  donorCode: string;
  actor: Actor;
  /** Workflow time of the step. */
  occurredAt: string;
}

/** A hold requested before a step that needs a slot; `eventId` makes a retry the same hold. */
export interface ManufacturingSlotHoldRequest extends SlotCommandContext {
  eventId: string;
  productCode: string;
  specificationVersion: number;
  knownPositiveMarkers: string[];
  /**
   * The collection date: manufacturing starts after the material can have reached the factory
   * and before the donor material's shelf life ends. Absent for a re-manufacture from retained
   * material, which starts from the step's day.
   */
  collectionDate?: string;
  /** The scheduler's preferred first manufacturing day; the earliest free one otherwise. */
  preferredStartOn?: string;
  reason: string;
}

/** Confirms a hold once its step is recorded; a journey's earlier booked slot is released. */
export interface ManufacturingSlotConfirmation extends SlotCommandContext {
  slotId: string;
}

/**
 * Releases a slot: the hold `slotId` after its step was refused, or, without `slotId`, the
 * journey's booked slot (a rejected unit or batch, a cancelled journey). Releasing what is
 * already released, or a journey without a slot, answers null and records nothing.
 */
export interface ManufacturingSlotRelease extends SlotCommandContext {
  slotId?: string;
  reason: string;
}

/** PRD-05: before the batch is released, its release holds (EM impact assessments) are asked. */
export interface BatchReleaseHoldQuery {
  donorCode: string;
  batchNumber: string;
}
