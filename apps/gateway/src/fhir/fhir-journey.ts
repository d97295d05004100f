import type { JourneyStage } from '@v2v/contracts';

/**
 * What the FHIR resources of one journey are built from, as the gateway read it: the donor
 * register (patient reference, institution), the journey (stage, timeline, batch) and the step
 * records of the latest collection cycle. Times are the recorded event times (GEN-01).
 */
export interface FhirJourney {
  donorCode: string;
  patientReference: string;
  institutionId: string;
  productCode: string;
  stage: JourneyStage;
  /** When the order started the journey. */
  orderedAt: string;
  /** PRD-01: the batch made for the journey (its latest, after a re-manufacture). */
  batchNumber?: string;
  /** The latest unit collected (a recollection replaces a rejected one). */
  collection?: { collectedAt: string; volumeMl: number; bagLot: string };
  /** That unit's receipt at the factory. */
  receipt?: { receivedAt: string };
  infusion?: { infusedAt: string };
}
