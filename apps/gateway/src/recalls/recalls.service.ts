import { Injectable } from '@nestjs/common';
import {
  RECALL_RECORD_TYPE,
  type RecallDispositionRequest,
  type RecallRequest,
  recallSignedDetail,
} from '@v2v/contracts';
import { Clock } from '@v2v/service-kit';
import { actorOf, type AuthenticatedUser } from '../auth/authenticated-user';
import { EventIds } from '../idempotency/event-ids';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { RecallsClient } from '../internal/recalls.client';
import { ElectronicSignatureService } from '../signatures/electronic-signature.service';
import { recallReportPdf } from './recall-report.pdf';

/** Who asks, under which Idempotency-Key scope. */
interface Caller {
  user: AuthenticatedUser;
  idempotency?: IdempotencyScope;
}

/**
 * Recalls at the edge (QA-04, TRC-01, CSV-02): the qualified person's signed recall (production
 * is asked first, so nothing is signed for a recall it would refuse; its id is the decision's
 * event id), each unit's disposition, and the recall report.
 */
@Injectable()
export class RecallsService {
  constructor(
    private readonly recalls: RecallsClient,
    private readonly signatures: ElectronicSignatureService,
    private readonly eventIds: EventIds,
    private readonly clock: Clock,
  ) {}

  recall(request: RecallRequest, caller: Caller & { path: string }) {
    const { signature: entered, ...recall } = request;
    const recallId = this.eventIds.of(caller.idempotency);
    return this.signatures.decide({
      user: caller.user,
      password: entered.password,
      path: caller.path,
      content: {
        meaning: 'recalled',
        recordType: RECALL_RECORD_TYPE,
        recordId: recallId,
        detail: recallSignedDetail(recall),
      },
      precheck: () => this.recalls.check(recall),
      record: (signature) =>
        this.recalls.recall({
          ...recall,
          eventId: recallId,
          decidedBy: actorOf(caller.user),
          signature,
        }),
    });
  }

  /** `donorCode` is canonical. */
  recordDisposition(
    recallId: string,
    donorCode: string,
    disposition: RecallDispositionRequest,
    caller: Caller,
  ) {
    return this.recalls.recordDisposition(recallId, donorCode, {
      ...disposition,
      eventId: this.eventIds.of(caller.idempotency),
      recordedBy: actorOf(caller.user),
    });
  }

  async report(recallId: string): Promise<Buffer> {
    return recallReportPdf(await this.recalls.one(recallId), this.clock.now().toISOString());
  }
}
