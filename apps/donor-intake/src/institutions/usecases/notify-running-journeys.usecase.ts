import { Injectable } from '@nestjs/common';
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
import { TemporalClientPort } from '@v2v/service-kit';
import { concernsRunningJourneys } from '../institution-notice.rules';
import { InstitutionRepository } from '../institution.repository';

/**
 * Temporal's visibility lags a started workflow by seconds; donors this recent are asked directly.
 */
const VISIBILITY_LAG_MS = 24 * 3_600_000;

/**
 * DON-02: a change of an institution's standing reaches each of its running journeys as a
 * signal, so none silently continues at a suspended institution. Each journey told is recorded
 * (the notice list of the decision). Signals go before the commit: a redelivered event signals
 * again, and the journey keeps each decision once.
 */
@Injectable()
export class NotifyRunningJourneysUseCase {
  constructor(
    private readonly institutions: InstitutionRepository,
    private readonly temporal: TemporalClientPort,
  ) {}

  async execute(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    const notice = institutionStandingNoticeSchema.parse(envelope.payload);
    if (!concernsRunningJourneys(notice)) return;
    const since = new Date(Date.parse(notice.decidedAt) - VISIBILITY_LAG_MS);
    const donorCodes = new Set([
      ...(await this.runningJourneysAt(notice.institutionId)),
      ...(await this.institutions.donorCodesRegisteredSince(manager, notice.institutionId, since)),
    ]);
    for (const donorCode of donorCodes) {
      const told = await this.temporal.signalIfRunning(
        journeyWorkflowId(donorCode),
        institutionStandingSignal,
        notice,
      );
      if (told) await this.institutions.recordNotice(manager, notice.decisionId, donorCode);
    }
  }

  /** The use case as the institution-notice consumer's handler. */
  handler(): EventHandler {
    return (envelope, manager) => this.execute(envelope, manager);
  }

  private async runningJourneysAt(institutionId: string): Promise<string[]> {
    const client = await this.temporal.client();
    const query = `WorkflowType = '${JOURNEY_WORKFLOW_TYPE}' AND ExecutionStatus = 'Running' AND ${InstitutionIdKey.name} = '${institutionId.replace(/'/g, '')}'`;
    const codes: string[] = [];
    for await (const workflow of client.workflow.list({ query, pageSize: 200 })) {
      const donorCode = workflow.typedSearchAttributes.get(DonorCodeKey);
      if (donorCode) codes.push(donorCode);
    }
    return codes;
  }
}
