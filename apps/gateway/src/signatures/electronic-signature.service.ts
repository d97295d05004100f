import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { compare } from 'bcryptjs';
import { writeAudit } from '@v2v/audit';
import { DataSource } from 'typeorm';
import {
  DomainError,
  ElectronicSignature,
  journeyWorkflowId,
  SignatureMeaning,
  SIGNED_STEPS,
  SignedStep,
} from '@v2v/contracts';
import { AccessRefusalLog } from '../auth/access-refusal.log';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { UserRepository } from '../auth/user.repository';
import { RecordedRefusal } from '../refusals/recorded-refusal';
import { signedContentHash, signedRecordHash } from './signed-content';

/**
 * CSV-02: a signature needs the signer's credentials re-entered at the moment of signing (a
 * valid session is not enough), records signer, server time and meaning, and is bound to the
 * hash of what is signed. PER-03 (qualified person only) is enforced by the endpoint's guard.
 */
@Injectable()
export class ElectronicSignatureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly refusals: AccessRefusalLog,
  ) {}

  async sign(input: {
    user: AuthenticatedUser;
    password: string;
    step: SignedStep;
    donorCode: string;
    eventId: string;
    detail: Record<string, unknown>;
    path: string;
  }): Promise<ElectronicSignature> {
    await this.assertSigner(input.user, input.password, input.path);
    return this.record(
      input.user,
      SIGNED_STEPS[input.step],
      signedContentHash(input),
      input.eventId,
      input.detail,
      {
        columns: { donor_code: input.donorCode, step: input.step },
        journeyId: journeyWorkflowId(input.donorCode),
      },
    );
  }

  /**
   * Signs a decision on a record that is not a journey step (an institution's qualification,
   * a specification's publication, a lot release). The caller records the decision with the
   * returned signature; the signature row names the record it is bound to.
   */
  async signRecord(input: {
    user: AuthenticatedUser;
    password: string;
    meaning: SignatureMeaning;
    recordType: string;
    recordId: string;
    eventId: string;
    detail: Record<string, unknown>;
    path: string;
  }): Promise<ElectronicSignature> {
    await this.assertSigner(input.user, input.password, input.path);
    return this.record(
      input.user,
      input.meaning,
      signedRecordHash(input),
      input.eventId,
      input.detail,
      {
        columns: { record_type: input.recordType, record_id: input.recordId },
      },
    );
  }

  /** The signature row and its audit entry, in one transaction; `subject` names what was signed. */
  private async record(
    user: AuthenticatedUser,
    meaning: SignatureMeaning,
    hash: string,
    eventId: string,
    detail: Record<string, unknown>,
    subject: {
      columns: Record<'donor_code' | 'step', string> | Record<'record_type' | 'record_id', string>;
      journeyId?: string;
    },
  ): Promise<ElectronicSignature> {
    const signature: ElectronicSignature = {
      signatureId: randomUUID(),
      signer: { userId: user.username, role: user.role },
      meaning,
      signedAt: new Date().toISOString(),
      signedContentHash: hash,
    };
    const [subjectA, subjectB] = Object.keys(subject.columns);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO "gateway"."electronic_signature" ("signature_id", "signer", "signer_role", "meaning", "signed_at",
           "${subjectA}", "${subjectB}", "event_id", "signed_content", "signed_content_hash")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          signature.signatureId,
          signature.signer.userId,
          signature.signer.role,
          signature.meaning,
          signature.signedAt,
          ...Object.values(subject.columns),
          eventId,
          JSON.stringify(detail),
          signature.signedContentHash,
        ],
      );
      await writeAudit(manager, 'gateway', {
        recordType: 'electronic-signature',
        recordId: signature.signatureId,
        journeyId: subject.journeyId,
        action: 'create',
        actor: signature.signer,
        newValue: { ...signature, ...subject.columns, signedContent: detail },
      });
    });
    return signature;
  }

  /** CSV-02: the signer's password, re-entered now; a mismatch is refused and logged. */
  private async assertSigner(
    user: AuthenticatedUser,
    password: string,
    path: string,
  ): Promise<void> {
    const account = await this.users.findByUsername(user.username);
    if (account && (await compare(password, account.passwordHash))) return;
    await this.refusals.record({
      username: user.username,
      role: user.role,
      method: 'POST',
      path,
      status: 403,
      reason: 'signature: re-entered credentials do not match',
      code: 'CSV-02',
    });
    throw new RecordedRefusal(
      new DomainError(
        'CSV-02',
        'the signature was refused: the re-entered credentials do not match the signer (CSV-02)',
      ),
    );
  }
}
