import { z } from 'zod';
import type { Actor } from '../journey/actor';
import { signatureRequestSchema } from '../journey/electronic-signature';
import type { BatchDeviationNotice } from '../production/batch-record';
import { type DeviationClosure, deviationClosureSchema } from './donor-intake';

/*
 * QA's signed closure of a deviation the batch record raised (QA-02.3): the body the gateway
 * validates, and the signed detail both the gateway and production hash. Production's command
 * is the donor material's (`closeDeviationCommandSchema`): the same texts, closer and signature.
 */

/** The record a batch deviation's closure is signed for. */
export const BATCH_DEVIATION_CLOSURE_RECORD_TYPE = 'batch-deviation-closure';

/** QA's closure at the gateway: investigation, root cause, corrective action, password. */
export const batchDeviationClosureSchema = deviationClosureSchema.extend({
  signature: signatureRequestSchema,
});
export type BatchDeviationClosureEntry = z.infer<typeof batchDeviationClosureSchema>;

/** What a closure signs: the deviation's batch and donor code with QA's three texts. */
export const batchDeviationClosureSignedDetail = (
  donorCode: string,
  batchNumber: string,
  closure: DeviationClosure,
) => ({
  donorCode,
  batchNumber,
  investigation: closure.investigation,
  rootCause: closure.rootCause,
  correctiveAction: closure.correctiveAction,
});

/** QA's recorded closure of a batch record deviation. */
export interface BatchDeviationClosureRecord {
  investigation: string;
  rootCause: string;
  correctiveAction: string;
  signatureId: string;
  closedBy: Actor;
  closedAt: string;
}

/** A batch record deviation with whether QA closed it (QA-02.3). */
export interface BatchDeviationStanding extends BatchDeviationNotice {
  batchNumber: string;
  status: 'open' | 'closed';
  closure: BatchDeviationClosureRecord | null;
}
