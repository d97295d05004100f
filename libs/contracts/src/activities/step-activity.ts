import type { Actor } from '../journey/actor';
import type { ProductSpecification } from '../journey/product-specification';
import type { CreateOrder } from '../journey/step-payloads';
import type { DeviationNotice } from '../journey/journey.contracts';
import type { ReleaseGateStanding } from '../internal/release-gates';

/**
 * Which occurrence of a step on a journey this is: with the donor code and the step, the step
 * record's identity (one record per occurrence, whatever event id a retry carries).
 */
export interface StepOccurrence {
  /** The collection cycle: 0, then one more for each recollection after a rejected unit. */
  cycle: number;
  /**
   * How many records of this step the cycle already has: 0 except for a step the journey may
   * take again in the same stage (post-collection storage, recorded once per storage period;
   * QC results, recorded as tests finish, with corrections and retests).
   */
  repeat: number;
}

/** What every step activity receives: the journey context and the user's command. */
export interface StepActivityInput<P> {
  journeyId: string;
  donorCode: string;
  /** Idempotency key: a retried activity with the same eventId writes nothing new. */
  eventId: string;
  /**
   * The step's identity on the journey. Absent only from activities scheduled by a journey
   * worker older than this field; those are recorded once per event id, as before.
   */
  occurrence?: StepOccurrence;
  actor: Actor;
  /** Workflow time at which the step was accepted. */
  occurredAt: string;
  order: CreateOrder;
  /** The specification version the journey is pinned to (GEN-03): every check uses it. */
  specification: ProductSpecification;
  /**
   * Markers the donor is known positive for (DON-05): every record of the unit carries the flag.
   */
  knownPositiveMarkers: string[];
  payload: P;
  /**
   * The release gates as the journey evaluated them just before this release (QA-02): set only
   * by the journey workflow, never from a payload; the release service refuses without it.
   */
  releaseGates?: ReleaseGateStanding;
}

/** What the owning service recorded for a step. */
export interface StepRecord {
  recordId: string;
  summary: string;
  /** An outcome that decides the next stage (e.g. `quarantined` at receipt inspection). */
  outcome?: string;
  /** Set by the screening record: the markers the donor is positive for (DON-05). */
  knownPositiveMarkers?: string[];
  /** Set by the start of production: the batch's number, the batch record's key (PRD-01). */
  batchNumber?: string;
  /** Deviations the step's record raised in its transaction (QA-04: a late OOS result). */
  deviations?: DeviationNotice[];
}
