import { Injectable } from '@nestjs/common';
import {
  DomainError,
  OOS_OUTCOME_RECORD,
  type OosLaboratoryConclusion,
  oosOutcomeDetail,
  type OosOutcomeRequest,
  type OosProcessConclusion,
} from '@v2v/contracts';
import { actorOf, AuthenticatedUser } from '../auth/authenticated-user';
import { EventIds } from '../idempotency/event-ids';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { JourneyWorkflowRepository } from '../journeys/journey-workflow.repository';
import { ElectronicSignatureService } from '../signatures/electronic-signature.service';
import { ReleaseQualityControlClient } from './release-quality-control.client';

/** Who asks, under which Idempotency-Key scope. */
interface Caller {
  user: AuthenticatedUser;
  idempotency?: IdempotencyScope;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * QC results and OOS investigations at the edge (QA-02.1): release's commands with the actor
 * and event id the gateway adds, and QA's signed outcome (check, sign, record). Each call asks
 * the journey first, so a code whose workflow is gone is answered as an unknown one (CSV-03).
 * Donor codes given here are canonical.
 */
@Injectable()
export class QualityControlService {
  constructor(
    private readonly release: ReleaseQualityControlClient,
    private readonly journeys: JourneyWorkflowRepository,
    private readonly signatures: ElectronicSignatureService,
    private readonly eventIds: EventIds,
  ) {}

  async results(donorCode: string) {
    await this.journeys.stage(donorCode);
    return this.release.results(donorCode);
  }

  async investigations(donorCode: string) {
    await this.journeys.stage(donorCode);
    return this.release.investigations(donorCode);
  }

  async laboratoryConclusion(
    donorCode: string,
    investigationId: string,
    body: OosLaboratoryConclusion,
    caller: Caller,
  ) {
    return this.release.laboratoryConclusion({
      ...body,
      ...(await this.investigation(donorCode, investigationId, caller)),
    });
  }

  async processConclusion(
    donorCode: string,
    investigationId: string,
    body: OosProcessConclusion,
    caller: Caller,
  ) {
    return this.release.processConclusion({
      ...body,
      ...(await this.investigation(donorCode, investigationId, caller)),
    });
  }

  /**
   * QA-02.1, CSV-02, PER-03: QA's outcome. Release is asked first, so nothing is signed for an
   * outcome it would refuse (an invalidation without a passing retest, a phase out of order).
   */
  async outcome(
    donorCode: string,
    investigationId: string,
    request: OosOutcomeRequest,
    caller: Caller & { path: string },
  ) {
    const { signature, ...decision } = request;
    const command = {
      ...decision,
      ...(await this.investigation(donorCode, investigationId, caller)),
    };
    return this.signatures.decide({
      user: caller.user,
      password: signature.password,
      path: caller.path,
      content: {
        meaning: 'approved',
        recordType: OOS_OUTCOME_RECORD,
        recordId: investigationId,
        donorCode,
        detail: oosOutcomeDetail(command),
      },
      precheck: () => this.release.checkOutcome(command),
      record: (sealed) => this.release.decideOutcome({ ...command, signature: sealed }),
    });
  }

  /** What every phase command carries besides its body; a malformed id names no investigation. */
  private async investigation(donorCode: string, investigationId: string, caller: Caller) {
    await this.journeys.stage(donorCode);
    if (!UUID.test(investigationId))
      throw new DomainError('NOT_FOUND', `no OOS investigation ${investigationId} of ${donorCode}`);
    return {
      donorCode,
      investigationId,
      eventId: this.eventIds.of(caller.idempotency),
      recordedBy: actorOf(caller.user),
    };
  }
}
