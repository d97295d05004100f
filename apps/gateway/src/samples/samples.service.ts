import { createHash } from 'node:crypto';
import { Injectable, PayloadTooLargeException } from '@nestjs/common';
import {
  DomainError,
  type JourneySampleRequest,
  LABEL_PHOTO_MAX_BYTES,
  type LotSampleRequest,
  RETENTION_EXCEPTION_RECORD,
  retentionExceptionDetail,
  type RetentionExceptionRequest,
} from '@v2v/contracts';
import { actorOf, AuthenticatedUser } from '../auth/authenticated-user';
import { EventIds } from '../idempotency/event-ids';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { ProductionClient } from '../internal/production.client';
import { ElectronicSignatureService } from '../signatures/electronic-signature.service';
import { ReleaseSamplesClient } from './release-samples.client';

/** Who asks, under which Idempotency-Key scope. */
interface Caller {
  user: AuthenticatedUser;
  idempotency?: IdempotencyScope;
}

/** What production's lot genealogy tells of the lot itself. */
interface LotOnRecord {
  materialCode: string;
  inspection: { expiresOn: string };
}

/**
 * The sample register at the edge (QA-01): release's commands with the actor and event id the
 * gateway adds, a lot's expiry read from production rather than stated by the requester, and
 * the qualified person's signed retention exception (check, sign, record).
 */
@Injectable()
export class SamplesService {
  constructor(
    private readonly release: ReleaseSamplesClient,
    private readonly production: ProductionClient,
    private readonly signatures: ElectronicSignatureService,
    private readonly eventIds: EventIds,
  ) {}

  /** `donorCode` is canonical. */
  recordJourneySample(donorCode: string, sample: JourneySampleRequest, caller: Caller) {
    return this.release.recordSample({
      ...sample,
      donorCode,
      eventId: this.eventIds.of(caller.idempotency),
      recordedBy: actorOf(caller.user),
    });
  }

  /**
   * §10(1)2: the lot's material and expiry come from production's record of the lot (NOT_FOUND
   * for an unknown lot), so its retention is checked against the expiry QA released it with.
   */
  async recordLotSample(lotId: string, sample: LotSampleRequest, caller: Caller) {
    const lot = (await this.production.lotGenealogy(lotId)).lot as unknown as LotOnRecord;
    return this.release.recordSample({
      ...sample,
      subject: 'key-material-lot',
      materialCode: lot.materialCode,
      lotId,
      lotExpiresOn: lot.inspection.expiresOn,
      eventId: this.eventIds.of(caller.idempotency),
      recordedBy: actorOf(caller.user),
    });
  }

  /**
   * QA-01, CSV-02, PER-03: the qualified person's retention exception. Release is asked first,
   * so nothing is signed for an exception it would refuse (a missing photo is QA-01); the photo
   * is signed by its SHA-256, which release computes again from the bytes it keeps.
   */
  decideException(
    donorCode: string,
    request: RetentionExceptionRequest,
    caller: Caller & { path: string },
  ) {
    const { signature, labelPhoto, ...decision } = request;
    const bytes = labelPhoto && Buffer.from(labelPhoto.base64, 'base64');
    if (bytes && bytes.length > LABEL_PHOTO_MAX_BYTES)
      throw new PayloadTooLargeException({
        code: 'PAYLOAD_TOO_LARGE',
        message: `the label photo has ${bytes.length} bytes; at most ${LABEL_PHOTO_MAX_BYTES} are kept (QA-01)`,
      });
    const sha256 = bytes && createHash('sha256').update(bytes).digest('hex');
    const eventId = this.eventIds.of(caller.idempotency);
    const decidedBy = actorOf(caller.user);
    const command = { ...decision, donorCode, decidedBy, ...(labelPhoto ? { labelPhoto } : {}) };
    return this.signatures.decide({
      user: caller.user,
      password: signature.password,
      path: caller.path,
      content: {
        meaning: 'approved',
        recordType: RETENTION_EXCEPTION_RECORD,
        recordId: eventId,
        donorCode,
        detail: retentionExceptionDetail({ ...decision, donorCode }, sha256),
      },
      precheck: () => this.release.checkRetentionException(command),
      record: (sealed) =>
        this.release.decideRetentionException({ ...command, eventId, signature: sealed }),
    });
  }

  /** `donorCode` is canonical. */
  samplesOfJourney(donorCode: string) {
    return this.release.samplesOfJourney(donorCode);
  }

  samplesOfLot(lotId: string | undefined) {
    if (!lotId)
      throw new DomainError('VALIDATION_FAILED', 'name the key-material lot: ?lot=<lot id>', {
        fieldErrors: [{ path: 'lot', message: 'required' }],
      });
    return this.release.samplesOfLot(lotId);
  }

  /** `donorCode` is canonical. */
  labelPhoto(donorCode: string, exceptionId: string) {
    return this.release.labelPhoto(donorCode, exceptionId);
  }

  retentionStanding(donorCode: string) {
    return this.release.retentionStanding(donorCode);
  }
}
