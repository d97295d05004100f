import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  CheckInstitutionRegistrationCommand,
  CheckQualificationCommand,
  DecideQualificationCommand,
  DomainError,
  INSTITUTION_DECIDED_MESSAGE_TYPE,
  INSTITUTION_TOPIC,
  InstitutionRegistration,
  InstitutionStandingNotice,
  RegisterInstitutionCommand,
  SIGNER_ROLE,
} from '@v2v/contracts';
import { appendToOutbox } from '@v2v/messaging';
import { Clock } from '@v2v/service-kit';
import { SignatureRecorder, signedRecordHash } from '@v2v/signatures';
import { decideQualification } from '../institution-lifecycle';
import { Institution, InstitutionRepository, RecordedDecision } from '../institution.repository';

/** What a qualification signature is made for: the institution's register entry. */
const RECORD_TYPE = 'institution-qualification';

/** What a qualification signature means: the decision it approves. */
export const REGISTRATION_MEANING = 'register-for-assessment';

/**
 * DON-02: QA's signed decisions on an institution. `check` lets the gateway refuse before
 * anything is signed; `decide` checks again under the row lock and records, in one
 * transaction, the decision, any new quality agreement, the new standing, the audit entry
 * and the event that tells the institution's running journeys.
 */
@Injectable()
export class InstitutionQualificationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly institutions: InstitutionRepository,
    private readonly signatures: SignatureRecorder,
    private readonly clock: Clock,
  ) {}

  /**
   * The outcome the decision would have now. A retry of the decision recorded under its event
   * id is allowed with the outcome it had: `decide` answers it with the first answer.
   */
  async check(institutionId: string, command: CheckQualificationCommand, now = this.clock.now()) {
    const { qualification, eventId } = command;
    const manager = this.dataSource.manager;
    const previous = await this.repeated(manager, eventId, institutionId, qualification.decision);
    if (previous) return { institutionId, status: previous.status, reason: previous.reason };
    const institution = await this.institutions.findById(institutionId, manager);
    if (!institution) throw new DomainError('NOT_FOUND', `no institution ${institutionId}`);
    return { institutionId, ...decideQualification(contextOf(institution, now), qualification) };
  }

  /**
   * Whether the registration would be accepted. A retry of the registration recorded under its
   * event id is, though the institution is now on the register: `register` answers it.
   */
  async checkRegistration(command: CheckInstitutionRegistrationCommand) {
    const { eventId, ...registration } = command;
    const manager = this.dataSource.manager;
    if (!(await this.repeated(manager, eventId, registration.institutionId, 'register')))
      await this.assertNotRegistered(registration, manager);
    return { ...registration, allowed: true as const };
  }

  /**
   * Neither the id nor the facility code (which every donor code of the institution carries) may be
   * taken.
   */
  async assertNotRegistered(
    registration: InstitutionRegistration,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const clash = await this.institutions.findClash(
      manager,
      registration.institutionId,
      registration.facilityCode,
    );
    if (clash) {
      throw new DomainError(
        'INSTITUTION_ALREADY_REGISTERED',
        `institution ${clash.id} (facility code ${clash.facilityCode}) is already on the register`,
      );
    }
  }

  async register(command: RegisterInstitutionCommand): Promise<RecordedDecision> {
    const { eventId, decidedBy, signature, ...registration } = command;
    return this.dataSource.transaction(async (manager) => {
      const previous = await this.repeated(
        manager,
        eventId,
        registration.institutionId,
        'register',
      );
      if (previous) return previous;
      await this.recordSignature(manager, command, REGISTRATION_MEANING, {
        institutionId: registration.institutionId,
        detail: { ...registration },
      });
      await this.assertNotRegistered(registration, manager);
      await this.institutions.insert(manager, registration);
      const decision = await this.institutions.recordDecision(manager, {
        decisionId: eventId,
        institutionId: registration.institutionId,
        decision: 'register',
        fromStatus: null,
        status: 'assessment',
        reason: `registered for assessment: ${registration.name}`,
        detail: registration,
        decidedBy,
        signature,
      });
      await writeAudit(manager, 'donor_intake', {
        recordType: 'institution',
        recordId: registration.institutionId,
        action: 'create',
        actor: decidedBy,
        newValue: {
          ...registration,
          status: 'assessment',
          decisionId: eventId,
          signatureId: signature.signatureId,
        },
      });
      return decision;
    });
  }

  async decide(
    institutionId: string,
    command: DecideQualificationCommand,
    now = this.clock.now(),
  ): Promise<RecordedDecision> {
    const { qualification, eventId, decidedBy, signature } = command;
    return this.dataSource.transaction(async (manager) => {
      const previous = await this.repeated(manager, eventId, institutionId, qualification.decision);
      if (previous) return previous;
      await this.recordSignature(manager, command, qualification.decision, {
        institutionId,
        detail: { ...qualification },
      });
      const before = await this.institutions.findById(institutionId, manager, 'FOR UPDATE');
      if (!before) throw new DomainError('NOT_FOUND', `no institution ${institutionId}`);
      const outcome = decideQualification(contextOf(before, now), qualification);
      const decision = await this.institutions.recordDecision(manager, {
        decisionId: eventId,
        institutionId,
        decision: qualification.decision,
        fromStatus: before.status,
        status: outcome.status,
        reason: outcome.reason,
        detail: qualification,
        decidedBy,
        signature,
      });
      const agreement =
        'qualityAgreement' in qualification ? qualification.qualityAgreement : undefined;
      const agreementId = agreement
        ? await this.institutions.recordAgreement(manager, institutionId, eventId, agreement)
        : undefined;
      await this.institutions.updateStanding(manager, institutionId, {
        status: outcome.status,
        ...('nextReviewDue' in qualification && qualification.nextReviewDue
          ? { nextReviewDue: qualification.nextReviewDue }
          : {}),
        ...(agreement && agreementId
          ? { agreement: { id: agreementId, expiresOn: agreement.expiresOn } }
          : {}),
      });
      const after = await this.institutions.findById(institutionId, manager);
      await writeAudit(manager, 'donor_intake', {
        recordType: 'institution',
        recordId: institutionId,
        action: 'update',
        actor: decidedBy,
        reason: `QA decision ${qualification.decision} (${eventId}), signature ${signature.signatureId}: ${outcome.reason}`,
        oldValue: before,
        newValue: after,
      });
      await appendToOutbox(manager, {
        topic: INSTITUTION_TOPIC,
        aggregateType: 'institution',
        aggregateId: institutionId,
        messageType: INSTITUTION_DECIDED_MESSAGE_TYPE,
        producer: 'donor-intake',
        id: eventId,
        payload: standingNotice(decision) as unknown as Record<string, unknown>,
      });
      return decision;
    });
  }

  /** CSV-02, PER-03: the signature was sealed by the gateway for this decision, by its decider. */
  private recordSignature(
    manager: EntityManager,
    command: Pick<RegisterInstitutionCommand, 'signature' | 'decidedBy'>,
    meaning: string,
    signed: { institutionId: string; detail: Record<string, unknown> },
  ): Promise<void> {
    const subject = { recordType: RECORD_TYPE, recordId: signed.institutionId };
    return this.signatures.record(manager, command.signature, {
      meaning,
      decidedBy: command.decidedBy,
      signerRole: SIGNER_ROLE,
      subject,
      contentHash: signedRecordHash({ ...subject, detail: signed.detail }),
    });
  }

  /**
   * A repeated request (same event id) gets the first answer; a different one under that id is
   * refused.
   */
  private async repeated(
    manager: EntityManager,
    eventId: string,
    institutionId: string,
    kind: string,
  ): Promise<RecordedDecision | undefined> {
    const previous = await this.institutions.findDecision(eventId, manager);
    if (previous && (previous.institutionId !== institutionId || previous.decision !== kind)) {
      throw new DomainError(
        'IDEMPOTENCY_CONFLICT',
        `event id ${eventId} was already used for '${previous.decision}' on ${previous.institutionId}`,
      );
    }
    return previous;
  }
}

function contextOf(institution: Institution, now: Date) {
  return {
    status: institution.status,
    agreementExpiresOn: institution.agreementExpiresOn,
    today: now.toISOString().slice(0, 10),
  };
}

export function standingNotice(decision: RecordedDecision): InstitutionStandingNotice {
  return {
    decisionId: decision.decisionId,
    institutionId: decision.institutionId,
    decision: decision.decision as InstitutionStandingNotice['decision'],
    fromStatus: decision.fromStatus!,
    status: decision.status,
    reason: decision.reason,
    decidedBy: decision.decidedBy,
    decidedAt: decision.decidedAt,
  };
}
