import { Injectable } from '@nestjs/common';
import {
  BATCH_DEVIATION_CLOSURE_RECORD_TYPE,
  batchDeviationClosureSignedDetail,
  type DeviationClosure,
} from '@v2v/contracts';
import { actorOf, type AuthenticatedUser } from '../auth/authenticated-user';
import { EventIds } from '../idempotency/event-ids';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { BatchDeviationClient } from '../internal/batch-deviation.client';
import { ElectronicSignatureService } from '../signatures/electronic-signature.service';
import { BatchRecordService } from './batch-record.service';

/**
 * QA's signed closure of the batch record's deviations at the edge (QA-02.3, CSV-02, PER-03):
 * the journey names its batch, the signature is sealed over the closure's signed detail and
 * production records it with the closure in one transaction, under the event id that answers a
 * retry whose answer was lost with the first closure (CSV-01). Donor codes here are canonical.
 */
@Injectable()
export class BatchDeviationClosureService {
  constructor(
    private readonly batchRecord: BatchRecordService,
    private readonly deviations: BatchDeviationClient,
    private readonly signatures: ElectronicSignatureService,
    private readonly eventIds: EventIds,
  ) {}

  async list(donorCode: string) {
    return this.deviations.deviations(await this.batchRecord.batchNumberOf(donorCode), donorCode);
  }

  async close(input: {
    donorCode: string;
    deviationId: string;
    closure: DeviationClosure;
    password: string;
    user: AuthenticatedUser;
    idempotency?: IdempotencyScope;
    path: string;
  }) {
    const { donorCode, deviationId, closure, user } = input;
    const batchNumber = await this.batchRecord.batchNumberOf(donorCode);
    const eventId = this.eventIds.of(input.idempotency);
    return this.signatures.decide({
      user,
      password: input.password,
      path: input.path,
      content: {
        meaning: 'closed',
        recordType: BATCH_DEVIATION_CLOSURE_RECORD_TYPE,
        recordId: deviationId,
        donorCode,
        detail: batchDeviationClosureSignedDetail(donorCode, batchNumber, closure),
      },
      record: (signature) =>
        this.deviations.close(batchNumber, deviationId, {
          donorCode,
          ...closure,
          eventId,
          closedBy: actorOf(user),
          signature,
        }),
    });
  }
}
