import { Injectable } from '@nestjs/common';
import {
  DomainError,
  KeyMaterialConsumptionRequest,
  KeyMaterialLotReceipt,
  KeyMaterialRegistration,
  LotDecision,
} from '@v2v/contracts';
import { actorOf, AuthenticatedUser } from '../auth/authenticated-user';
import { EventIds } from '../idempotency/event-ids';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { ProductionClient } from '../internal/production.client';
import { TraceabilityClient } from '../internal/traceability.client';
import { ElectronicSignatureService } from '../signatures/electronic-signature.service';

/** Who asks, under which Idempotency-Key scope. */
interface Caller {
  user: AuthenticatedUser;
  idempotency?: IdempotencyScope;
}

/**
 * Key materials at the edge (MAT-01, MAT-02, TRC-01): production's commands with the actor and
 * the event id the gateway adds, a signed lot decision (check, sign, record) and a lot's
 * genealogy with the patient of every batch.
 */
@Injectable()
export class KeyMaterialsService {
  constructor(
    private readonly production: ProductionClient,
    private readonly traceability: TraceabilityClient,
    private readonly signatures: ElectronicSignatureService,
    private readonly eventIds: EventIds,
  ) {}

  register(material: KeyMaterialRegistration, user: AuthenticatedUser) {
    return this.production.registerKeyMaterial({ ...material, registeredBy: actorOf(user) });
  }

  receiveLot(materialCode: string, receipt: KeyMaterialLotReceipt, caller: Caller) {
    return this.production.receiveLot(materialCode, {
      ...receipt,
      requestKey: this.eventIds.of(caller.idempotency),
      receivedBy: actorOf(caller.user),
    });
  }

  /** `donorCode` is canonical. */
  consume(donorCode: string, consumption: KeyMaterialConsumptionRequest, caller: Caller) {
    return this.production.recordConsumption({
      donorCode,
      ...consumption,
      eventId: this.eventIds.of(caller.idempotency),
      consumedBy: actorOf(caller.user),
    });
  }

  /**
   * MAT-01, CSV-02, PER-03: QA's release or rejection of a lot. Production is asked first, so
   * nothing is signed for a decision it would refuse; it checks again under a row lock when it
   * records the decision with the signature, so a decision that lost a race is refused and
   * leaves no signature.
   */
  async decide(
    input: Caller & {
      lotId: string;
      decision: LotDecision;
      comment?: string;
      password: string;
      path: string;
    },
  ) {
    const eventId = this.eventIds.of(input.idempotency);
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
      precheck: () => this.production.checkLotDecision(input.lotId, input.decision, eventId),
      record: (signature) =>
        this.production.decideLot(input.lotId, {
          decision: input.decision,
          ...(input.comment ? { comment: input.comment } : {}),
          eventId,
          decidedBy: actorOf(input.user),
          signature,
        }),
    });
  }

  /** TRC-01: every batch and donor code the lot went into, each with its patient reference. */
  async genealogy(lotId: string) {
    const genealogy = await this.production.lotGenealogy(lotId);
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
      return (await this.traceability.traceOfDonor(donorCode)).patientReference;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }
}
