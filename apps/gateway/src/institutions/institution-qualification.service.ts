import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InstitutionDecision, InstitutionRegistration } from '@v2v/contracts';
import { signedRecordHash } from '@v2v/signatures';
import { actorOf, AuthenticatedUser } from '../auth/authenticated-user';
import { InternalServiceClient } from '../internal/internal-service.client';
import { ElectronicSignatureService } from '../signatures/electronic-signature.service';

const RECORD_TYPE = 'institution-qualification';
const REGISTRATION_MEANING = 'register-for-assessment';

interface Decision {
  decisionId: string;
  institutionId: string;
  detail: Record<string, unknown>;
  signature: { signedContentHash: string };
}

/**
 * DON-02, CSV-02, PER-03: QA's signed decisions on an institution. Donor-intake is asked
 * first, so nothing is signed for a decision it would refuse; it checks again under a row
 * lock when it records the decision with the signature.
 */
@Injectable()
export class InstitutionQualificationService {
  constructor(
    private readonly services: InternalServiceClient,
    private readonly signatures: ElectronicSignatureService,
  ) {}

  async register(input: {
    registration: InstitutionRegistration;
    password: string;
    user: AuthenticatedUser;
    key?: string;
    path: string;
  }) {
    const eventId = input.key ?? randomUUID();
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
        this.services.request(
          'donorIntake',
          'POST',
          '/internal/institutions/registration-check',
          input.registration,
        ),
      record: (signature) =>
        this.services.request('donorIntake', 'POST', '/internal/institutions', {
          ...input.registration,
          eventId,
          decidedBy: actorOf(input.user),
          signature,
        }),
    });
  }

  async decide(input: {
    institutionId: string;
    qualification: InstitutionDecision;
    password: string;
    user: AuthenticatedUser;
    key?: string;
    path: string;
  }) {
    const institution = encodeURIComponent(input.institutionId);
    const eventId = input.key ?? randomUUID();
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
        this.services.request(
          'donorIntake',
          'POST',
          `/internal/institutions/${institution}/decision-check`,
          { qualification: input.qualification },
        ),
      record: (signature) =>
        this.services.request(
          'donorIntake',
          'POST',
          `/internal/institutions/${institution}/decisions`,
          {
            qualification: input.qualification,
            eventId,
            decidedBy: actorOf(input.user),
            signature,
          },
        ),
    });
  }

  /** The register entry with each decision's signature checked against the decision as stored now. */
  async detail(institutionId: string) {
    const detail = await this.services.request<{ decisions: Decision[] }>(
      'donorIntake',
      'GET',
      `/internal/institutions/${encodeURIComponent(institutionId)}`,
    );
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
}
