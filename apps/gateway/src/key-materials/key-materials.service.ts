import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '@v2v/contracts';
import { actorOf, AuthenticatedUser } from '../auth/authenticated-user';
import { InternalServiceClient } from '../internal/internal-service.client';
import { ElectronicSignatureService } from '../signatures/electronic-signature.service';

interface Genealogy {
  lot: Record<string, unknown>;
  consumptions: Array<{ donorCode: string } & Record<string, unknown>>;
}

/**
 * The key-material requests that need more than one call: a signed lot decision (check, sign,
 * record) and a lot's genealogy with the patient of every batch (TRC-01).
 */
@Injectable()
export class KeyMaterialsService {
  constructor(
    private readonly services: InternalServiceClient,
    private readonly signatures: ElectronicSignatureService,
  ) {}

  /**
   * MAT-01, CSV-02, PER-03: QA's release or rejection of a lot. Production is asked first, so
   * nothing is signed for a decision it would refuse; it checks again under a row lock when it
   * records the decision with the signature, so a decision that lost a race is refused and
   * leaves no signature.
   */
  async decide(input: {
    lotId: string;
    decision: 'released' | 'rejected';
    comment?: string;
    password: string;
    user: AuthenticatedUser;
    key?: string;
    path: string;
  }) {
    const lot = encodeURIComponent(input.lotId);
    const eventId = input.key ?? randomUUID();
    return this.signatures.decide({
      user: input.user,
      password: input.password,
      path: input.path,
      content: {
        meaning: input.decision,
        recordType: 'key-material-lot',
        recordId: input.lotId,
        detail: { lotId: input.lotId, decision: input.decision, comment: input.comment ?? null },
      },
      precheck: () =>
        this.services.request(
          'production',
          'GET',
          `/internal/key-material-lots/${lot}/decision-check?decision=${input.decision}`,
        ),
      record: (signature) =>
        this.services.request(
          'production',
          'POST',
          `/internal/key-material-lots/${lot}/decisions`,
          {
            decision: input.decision,
            ...(input.comment ? { comment: input.comment } : {}),
            eventId,
            decidedBy: actorOf(input.user),
            signature,
          },
        ),
    });
  }

  /** TRC-01: every batch and donor code the lot went into, each with its patient reference. */
  async genealogy(lotId: string) {
    const genealogy = await this.services.request<Genealogy>(
      'production',
      'GET',
      `/internal/key-material-lots/${encodeURIComponent(lotId)}/genealogy`,
    );
    const patients = new Map<string, string | null>();
    for (const donorCode of new Set(genealogy.consumptions.map((c) => c.donorCode))) {
      patients.set(donorCode, await this.patientOf(donorCode));
    }
    return {
      ...genealogy,
      consumptions: genealogy.consumptions.map((c) => ({
        ...c,
        patientReference: patients.get(c.donorCode) ?? null,
      })),
    };
  }

  /**
   * The pseudonymous patient reference, from the ledger's donor–patient link. Null only while
   * the ledger has not yet applied the donor's registration (it is the journey's first event).
   */
  private async patientOf(donorCode: string): Promise<string | null> {
    try {
      const trace = await this.services.request<{ patientReference: string }>(
        'traceability',
        'GET',
        `/internal/trace/donors/${donorCode}`,
      );
      return trace.patientReference;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }
}
