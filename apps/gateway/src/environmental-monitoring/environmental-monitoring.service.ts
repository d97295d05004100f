import { Injectable } from '@nestjs/common';
import {
  type ContaminationImpactAssessmentEntry,
  type EmResultsEntry,
  type EmSessionEntry,
  type OrganismIdentificationEntry,
  requireDonorCode,
} from '@v2v/contracts';
import { actorOf, AuthenticatedUser } from '../auth/authenticated-user';
import { EventIds } from '../idempotency/event-ids';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { ProductionClient } from '../internal/production.client';
import { ElectronicSignatureService } from '../signatures/electronic-signature.service';

/** Who asks, under which Idempotency-Key scope. */
interface Caller {
  user: AuthenticatedUser;
  idempotency?: IdempotencyScope;
}

/**
 * Environmental monitoring at the edge (PRD-05): production's commands with the actor and the
 * event id the gateway adds, and QA's signed impact assessment (check, sign, record).
 */
@Injectable()
export class EnvironmentalMonitoringService {
  constructor(
    private readonly production: ProductionClient,
    private readonly signatures: ElectronicSignatureService,
    private readonly eventIds: EventIds,
  ) {}

  recordSession(session: EmSessionEntry, caller: Caller) {
    return this.production.recordEmSession({
      ...session,
      eventId: this.eventIds.of(caller.idempotency),
      recordedBy: actorOf(caller.user),
    });
  }

  recordResults(sessionId: string, entry: EmResultsEntry, caller: Caller) {
    return this.production.recordEmResults(sessionId, {
      ...entry,
      eventId: this.eventIds.of(caller.idempotency),
      recordedBy: actorOf(caller.user),
    });
  }

  identifyOrganism(excursionId: string, entry: OrganismIdentificationEntry, caller: Caller) {
    return this.production.identifyOrganism(excursionId, {
      ...entry,
      eventId: this.eventIds.of(caller.idempotency),
      identifiedBy: actorOf(caller.user),
    });
  }

  /**
   * PRD-05, CSV-02, PER-03: production is asked first, so nothing is signed for an assessment it
   * would refuse; it checks again under the excursion's lock when it records the assessment
   * with the signature. The signed content is the one production hashes
   * (`impactAssessmentContent` in its use case).
   */
  assessImpact(
    input: Caller & {
      excursionId: string;
      entry: ContaminationImpactAssessmentEntry;
      path: string;
    },
  ) {
    const { excursionId, entry } = input;
    const donorCode = requireDonorCode(entry.donorCode);
    const eventId = this.eventIds.of(input.idempotency);
    const detail = {
      excursionId,
      donorCode,
      conclusion: entry.conclusion,
      rationale: entry.rationale,
    };
    return this.signatures.decide({
      user: input.user,
      password: entry.signature.password,
      path: input.path,
      content: {
        meaning: entry.conclusion,
        recordType: 'em-impact-assessment',
        recordId: excursionId,
        donorCode,
        detail,
      },
      precheck: () => this.production.checkImpactAssessment(excursionId, donorCode, eventId),
      record: (signature) =>
        this.production.assessContaminationImpact(excursionId, {
          donorCode,
          conclusion: entry.conclusion,
          rationale: entry.rationale,
          eventId,
          assessedBy: actorOf(input.user),
          signature,
        }),
    });
  }
}
