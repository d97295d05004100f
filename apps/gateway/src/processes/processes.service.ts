import { Injectable } from '@nestjs/common';
import {
  type ProcessDefinitionPublication,
  type ProcessValidationDecision,
  processValidationSignedDetail,
} from '@v2v/contracts';
import { actorOf, AuthenticatedUser } from '../auth/authenticated-user';
import { EventIds } from '../idempotency/event-ids';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { ProductionClient } from '../internal/production.client';
import { ElectronicSignatureService } from '../signatures/electronic-signature.service';

interface Caller {
  user: AuthenticatedUser;
  idempotency?: IdempotencyScope;
}

/**
 * Process definitions (PRD-01) and their validation (PRD-03) at the edge: production's commands
 * with the actor and event id the gateway adds; QA's validation decision checked, signed, sent.
 */
@Injectable()
export class ProcessesService {
  constructor(
    private readonly production: ProductionClient,
    private readonly signatures: ElectronicSignatureService,
    private readonly eventIds: EventIds,
  ) {}

  /** `productCode` is checked (productCodeSchema). */
  publish(productCode: string, publication: ProcessDefinitionPublication, caller: Caller) {
    return this.production.publishProcessDefinition(productCode, {
      ...publication,
      eventId: this.eventIds.of(caller.idempotency),
      publishedBy: actorOf(caller.user),
    });
  }

  /**
   * PRD-03, CSV-02, PER-03: production is asked first, so nothing is signed for a decision it
   * would refuse; it checks again when it records the decision with the signature.
   */
  decideValidation(
    input: Caller & {
      productCode: string;
      processVersion: number;
      decision: ProcessValidationDecision;
      password: string;
      path: string;
    },
  ) {
    const { productCode, processVersion, decision } = input;
    const eventId = this.eventIds.of(input.idempotency);
    return this.signatures.decide({
      user: input.user,
      password: input.password,
      path: input.path,
      content: {
        meaning: decision.status,
        recordType: 'process-validation',
        recordId: `${productCode}/v${processVersion}`,
        detail: processValidationSignedDetail(productCode, processVersion, decision),
      },
      precheck: () => this.production.checkProcessValidation(productCode, processVersion, decision),
      record: (signature) =>
        this.production.decideProcessValidation(productCode, processVersion, {
          ...decision,
          eventId,
          decidedBy: actorOf(input.user),
          signature,
        }),
    });
  }
}
