import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  DONOR_MATERIAL_IMPACT_MEANING,
  DONOR_MATERIAL_IMPACT_RECORD,
  type DonorMaterialImpactAssessmentRequest,
  donorMaterialImpactDetail,
  type DonorMaterialTestResultsRequest,
} from '@v2v/contracts';
import { actorOf, AuthenticatedUser } from '../auth/authenticated-user';
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
  ) {}

  async view(donorCode: string) {
    await this.journeys.stage(donorCode);
    return this.donorIntake.donorMaterialTests(donorCode);
  }

  async record(donorCode: string, body: DonorMaterialTestResultsRequest, user: AuthenticatedUser) {
    await this.journeys.stage(donorCode);
    return this.donorIntake.recordDonorMaterialTestResults({
      ...body,
      donorCode,
      recordedBy: actorOf(user),
    });
  }

  /** CSV-02, PER-03: donor-intake is asked first, so nothing is signed for what it refuses. */
  async assess(input: {
    donorCode: string;
    request: DonorMaterialImpactAssessmentRequest;
    user: AuthenticatedUser;
    path: string;
  }) {
    const { donorCode, user } = input;
    await this.journeys.stage(donorCode);
    const { signature, ...assessment } = input.request;
    const check = {
      ...assessment,
      donorCode,
      assessmentId: randomUUID(),
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
