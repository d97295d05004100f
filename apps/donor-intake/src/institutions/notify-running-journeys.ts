import { EntityManager } from 'typeorm';
import {
  DonorCodeKey,
  EventEnvelope,
  InstitutionIdKey,
  institutionStandingNoticeSchema,
  institutionStandingSignal,
  JOURNEY_WORKFLOW_TYPE,
  journeyWorkflowId,
} from '@v2v/contracts';
import type { EventHandler } from '@v2v/messaging';
import { getTemporalClient, signalIfRunning } from '@v2v/temporal';
import { concernsRunningJourneys } from './institution-notice.rules';
import { InstitutionRepository } from './institution.repository';

/** Temporal's visibility lags a started workflow by seconds; donors this recent are asked directly. */
const VISIBILITY_LAG_MS = 24 * 3_600_000;

/**
 * DON-02: a change of an institution's standing reaches each of its running journeys as a
 * signal, so none silently continues at a suspended institution. Each journey told is recorded
 * (the notice list of the decision). Signals go before the commit: a redelivered event signals
 * again, and the journey keeps each decision once.
 */
export function notifyRunningJourneys(institutions: InstitutionRepository): EventHandler {
  return async (envelope: EventEnvelope, manager: EntityManager) => {
    const notice = institutionStandingNoticeSchema.parse(envelope.payload);
    if (!concernsRunningJourneys(notice)) return;
    const since = new Date(Date.parse(notice.decidedAt) - VISIBILITY_LAG_MS);
    const donorCodes = new Set([
      ...(await runningJourneysAt(notice.institutionId)),
      ...(await institutions.donorCodesRegisteredSince(manager, notice.institutionId, since)),
    ]);
    for (const donorCode of donorCodes) {
      if (await signalIfRunning(journeyWorkflowId(donorCode), institutionStandingSignal, notice)) {
        await institutions.recordNotice(manager, notice.decisionId, donorCode);
      }
    }
  };
}

async function runningJourneysAt(institutionId: string): Promise<string[]> {
  const client = await getTemporalClient();
  const query = `WorkflowType = '${JOURNEY_WORKFLOW_TYPE}' AND ExecutionStatus = 'Running' AND ${InstitutionIdKey.name} = '${institutionId.replace(/'/g, '')}'`;
  const codes: string[] = [];
  for await (const workflow of client.workflow.list({ query, pageSize: 200 })) {
    const donorCode = workflow.typedSearchAttributes.get(DonorCodeKey);
    if (donorCode) codes.push(donorCode);
  }
  return codes;
}
