import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  type CheckRetentionExceptionCommand,
  type DecideRetentionExceptionCommand,
  DomainError,
  journeyWorkflowId,
  requireOperationRole,
  RETENTION_EXCEPTION_RECORD,
  retentionExceptionDetail,
  SIGNER_ROLE,
} from '@v2v/contracts';
import { SignatureRecorder, signedRecordHash } from '@v2v/signatures';
import { requireExceptionEvidence, requireExceptionSample } from '../retention-rules';
import { RetentionException, SampleRepository } from '../sample.repository';

/** The uploaded photo decoded, with the hash its signature is bound to. */
function decodedPhoto(command: CheckRetentionExceptionCommand) {
  if (!command.labelPhoto) return undefined;
  const bytes = Buffer.from(command.labelPhoto.base64, 'base64');
  return {
    contentType: command.labelPhoto.contentType,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/**
 * QA-01, CSV-02, PER-03: the qualified person's signed exception to retention, of one of the
 * seed's kinds with what it needs. `check` lets the gateway refuse before anything is signed;
 * `execute` checks again and records signature, photo and exception in one transaction, so a
 * refused exception leaves no signature.
 */
@Injectable()
export class DecideRetentionExceptionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly samples: SampleRepository,
    private readonly signatures: SignatureRecorder,
  ) {}

  async check(command: CheckRetentionExceptionCommand): Promise<{ allowed: true }> {
    await this.assertDecidable(command, this.dataSource.manager);
    return { allowed: true };
  }

  async execute(command: DecideRetentionExceptionCommand): Promise<RetentionException> {
    const photo = await this.assertDecidable(command, this.dataSource.manager);
    const detail = retentionExceptionDetail(command, photo?.sha256);
    return this.dataSource.transaction(async (manager) => {
      const earlier = await this.samples.exception(command.eventId, manager);
      if (earlier) return sameDecision(earlier, detail.kind, detail.labelPhotoSha256, command);
      const { donorCode } = command;
      const [recordType, recordId] = [RETENTION_EXCEPTION_RECORD, command.eventId];
      const journeyId = journeyWorkflowId(donorCode);
      await this.signatures.record(manager, command.signature, {
        meaning: 'approved',
        decidedBy: command.decidedBy,
        signerRole: SIGNER_ROLE,
        subject: { recordType, recordId, donorCode },
        contentHash: signedRecordHash({ recordType, recordId, detail }),
        journeyId,
      });
      const labelPhotoId = photo ? randomUUID() : null;
      if (photo && labelPhotoId) {
        await this.samples.insertLabelPhoto(manager, {
          photoId: labelPhotoId,
          contentType: photo.contentType,
          sha256: photo.sha256,
          content: photo.bytes,
        });
        await writeAudit(manager, 'release', {
          recordType: 'retention-label-photo',
          recordId: labelPhotoId,
          journeyId,
          action: 'create',
          actor: command.decidedBy,
          newValue: {
            contentType: photo.contentType,
            sha256: photo.sha256,
            sizeBytes: photo.bytes.length,
          },
        });
      }
      await this.samples.insertException(manager, {
        exceptionId: command.eventId,
        donorCode,
        kind: command.kind,
        rationale: command.rationale,
        evaluationReportReference: command.evaluationReportReference ?? null,
        sampleId: command.sampleId ?? null,
        labelPhotoId,
        signatureId: command.signature.signatureId,
        decidedBy: command.decidedBy.userId,
      });
      const recorded = await this.samples.exception(command.eventId, manager);
      await writeAudit(manager, 'release', {
        recordType: 'retention-exception',
        recordId: command.eventId,
        journeyId,
        action: 'create',
        actor: command.decidedBy,
        reason: `QA approved a ${command.kind} exception, signature ${command.signature.signatureId}: ${command.rationale}`,
        newValue: recorded,
      });
      return recorded as RetentionException;
    });
  }

  /** The rules of QA-01 for this exception; returns the decoded photo, if any. */
  private async assertDecidable(command: CheckRetentionExceptionCommand, manager: EntityManager) {
    requireOperationRole('decideRetentionException', command.decidedBy);
    const photo = decodedPhoto(command);
    requireExceptionEvidence(command.kind, {
      evaluationReportReference: command.evaluationReportReference,
      sampleId: command.sampleId,
      labelPhoto: photo,
    });
    if (command.sampleId)
      requireExceptionSample(
        command.kind,
        command.donorCode,
        command.sampleId,
        await this.samples.sample(command.sampleId, manager),
      );
    return photo;
  }
}

/** A repeat of the same event id returns the exception decided the first time. */
function sameDecision(
  earlier: RetentionException,
  kind: string,
  photoSha256: string | undefined,
  command: DecideRetentionExceptionCommand,
): RetentionException {
  const same =
    earlier.kind === kind &&
    earlier.donorCode === command.donorCode &&
    earlier.rationale === command.rationale &&
    (earlier.labelPhoto?.sha256 ?? undefined) === photoSha256;
  if (!same)
    throw new DomainError(
      'IDEMPOTENCY_CONFLICT',
      `event id ${command.eventId} already decided retention exception ${earlier.exceptionId}`,
    );
  return earlier;
}
