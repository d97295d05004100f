import { Injectable } from '@nestjs/common';
import { InstitutionDecision, InstitutionRegistration } from '@v2v/contracts';
import { signedRecordHash } from '@v2v/signatures';
import { actorOf, AuthenticatedUser } from '../auth/authenticated-user';
import { EventIds } from '../idempotency/event-ids';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { DonorIntakeClient } from '../internal/donor-intake.client';
import { ElectronicSignatureService } from '../signatures/electronic-signature.service';

const RECORD_TYPE = 'institution-qualification';
const REGISTRATION_MEANING = 'register-for-assessment';

/** Who decides, on which request, under which Idempotency-Key scope. */
interface Decider {
  password: string;
  user: AuthenticatedUser;
  idempotency?: IdempotencyScope;
  path: string;
}

/**
 * DON-02, CSV-02, PER-03: QA's signed decisions on an institution. Donor-intake is asked
 * first, so nothing is signed for a decision it would refuse; it checks again under a row
 * lock when it records the decision with the signature.
 */
@Injectable()
export class InstitutionQualificationService {
  constructor(
    private readonly donorIntake: DonorIntakeClient,
    private readonly signatures: ElectronicSignatureService,
    private readonly eventIds: EventIds,
  ) {}

  async register(input: Decider & { registration: InstitutionRegistration }) {
    const eventId = this.eventIds.of(input.idempotency);
    return this.signatures.decide({
      user: input.user,
      password: input.password,
      path: input.path,
      content: {
        meaning: REGISTRATION_MEANING,
        recordType: RECORD_TYPE,
        recordId: input.registration.institutionId,
        detail: { ...input.registration },
      },
      precheck: () =>
        this.donorIntake.checkInstitutionRegistration({ ...input.registration, eventId }),
      record: (signature) =>
        this.donorIntake.registerInstitution({
          ...input.registration,
          eventId,
          decidedBy: actorOf(input.user),
          signature,
        }),
    });
  }

  async decide(input: Decider & { institutionId: string; qualification: InstitutionDecision }) {
    const eventId = this.eventIds.of(input.idempotency);
    return this.signatures.decide({
      user: input.user,
      password: input.password,
      path: input.path,
      content: {
        meaning: input.qualification.decision,
        recordType: RECORD_TYPE,
        recordId: input.institutionId,
        detail: { ...input.qualification },
      },
      precheck: () =>
        this.donorIntake.checkInstitutionDecision(input.institutionId, {
          qualification: input.qualification,
          eventId,
        }),
      record: (signature) =>
        this.donorIntake.decideInstitution(input.institutionId, {
          qualification: input.qualification,
          eventId,
          decidedBy: actorOf(input.user),
          signature,
        }),
    });
  }

  /**
   * The register entry with each decision's signature checked against the decision as stored now.
   */
  async detail(institutionId: string) {
    const detail = await this.donorIntake.institution(institutionId);
    return {
      ...detail,
      decisions: detail.decisions.map((d) => ({
        ...d,
        signatureValid:
          signedRecordHash({
            recordType: RECORD_TYPE,
            recordId: d.institutionId,
            detail: d.detail,
          }) === d.signature.signedContentHash,
      })),
    };
  }

  /** The register; a hospital user sees its own institution only (CSV-03). */
  async list(user: AuthenticatedUser) {
    const institutions = await this.donorIntake.institutions();
    return user.role === 'hospital'
      ? institutions.filter((i) => i.id === user.institutionId)
      : institutions;
  }
}
