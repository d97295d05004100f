import { Injectable } from '@nestjs/common';
import {
  DONOR_MATERIAL_IMPACT_MEANING,
  DONOR_MATERIAL_IMPACT_RECORD,
  type DonorMaterialImpactAssessmentRequest,
  donorMaterialImpactDetail,
  type DonorMaterialTestResultsRequest,
} from '@v2v/contracts';
import { actorOf, AuthenticatedUser } from '../auth/authenticated-user';
import { EventIds } from '../idempotency/event-ids';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { DonorIntakeClient } from '../internal/donor-intake.client';
import { JourneyWorkflowRepository } from '../journeys/journey-workflow.repository';
import { ElectronicSignatureService } from '../signatures/electronic-signature.service';

/**
 * The donor material's tests at the edge (QA-02.5): donor-intake's commands with the actor the
 * gateway adds, and QA's signed impact assessment (check, sign, record). Each call asks the
 * journey first, so a code whose workflow is gone is answered as an unknown one (CSV-03).
 * Donor codes given here are canonical.
 */
@Injectable()
export class DonorMaterialTestsService {
  constructor(
    private readonly donorIntake: DonorIntakeClient,
    private readonly journeys: JourneyWorkflowRepository,
    private readonly signatures: ElectronicSignatureService,
    private readonly eventIds: EventIds,
  ) {}

  async view(donorCode: string) {
    await this.journeys.stage(donorCode);
    return this.donorIntake.donorMaterialTests(donorCode);
  }

  /** The results carry the request's event id: a retry whose answer was lost records none. */
  async record(input: {
    donorCode: string;
    body: DonorMaterialTestResultsRequest;
    user: AuthenticatedUser;
    idempotency?: IdempotencyScope;
  }) {
    await this.journeys.stage(input.donorCode);
    return this.donorIntake.recordDonorMaterialTestResults({
      ...input.body,
      donorCode: input.donorCode,
      eventId: this.eventIds.of(input.idempotency),
      recordedBy: actorOf(input.user),
    });
  }

  /**
   * CSV-02, PER-03: donor-intake is asked first, so nothing is signed for what it refuses. The
   * assessment is identified by the request's event id, so a retry whose answer was lost is
   * answered with the assessment it recorded, not a second one (CSV-01).
   */
  async assess(input: {
    donorCode: string;
    request: DonorMaterialImpactAssessmentRequest;
    user: AuthenticatedUser;
    idempotency?: IdempotencyScope;
    path: string;
  }) {
    const { donorCode, user } = input;
    await this.journeys.stage(donorCode);
    const { signature, ...assessment } = input.request;
    const check = {
      ...assessment,
      donorCode,
      assessmentId: this.eventIds.of(input.idempotency),
      assessedBy: actorOf(user),
    };
    return this.signatures.decide({
      user,
      password: signature.password,
      path: input.path,
      content: {
        meaning: DONOR_MATERIAL_IMPACT_MEANING,
        recordType: DONOR_MATERIAL_IMPACT_RECORD,
        recordId: check.assessmentId,
        donorCode,
        detail: donorMaterialImpactDetail(check),
      },
      precheck: () => this.donorIntake.checkDonorMaterialImpact(check),
      record: (sealed) =>
        this.donorIntake.assessDonorMaterialImpact({ ...check, signature: sealed }),
    });
  }
}
