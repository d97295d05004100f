import { KeyObject } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  type CloseDeviationCommand,
  type EmergencyDecision,
  DomainError,
  type ElectronicSignature,
  journeyWorkflowId,
  electronicSignatureSchema,
  SIGNED_STEPS,
  type SignedStep,
  SIGNER_ROLE,
  type StepActivityInput,
} from '@v2v/contracts';
import { insertElectronicSignature } from './electronic-signature.repository';
import { assertSignatureMadeFor, SignatureExpectation } from './signature-check';
import { hasValidSeal } from './signature-seal';
import { signedContentHash, signedRecordHash } from './signed-content';

/**
 * What an owning service does with the signature of a decision, inside the decision's own
 * transaction (CSV-02, PER-03): verify the gateway's seal, that the signer is the decider with
 * the role the meaning needs, and that it was made for this record and this content; then
 * record it (once: a signature cannot sign a second record) with its audit entry. A forged
 * Temporal update or internal call fails here, and a refused decision leaves no signature.
 */
export class SignatureRecorder {
  constructor(
    private readonly schema: string,
    private readonly sealKey: KeyObject,
  ) {}

  async record(
    manager: EntityManager,
    signature: unknown,
    expected: SignatureExpectation & { journeyId?: string },
  ): Promise<void> {
    const sealed = wellFormed(signature);
    assertSignatureMadeFor(sealed, expected, hasValidSeal(sealed, this.sealKey));
    await insertElectronicSignature(manager, this.schema, sealed);
    await writeAudit(manager, this.schema, {
      recordType: 'electronic-signature',
      recordId: sealed.signatureId,
      journeyId: expected.journeyId,
      action: 'create',
      actor: sealed.signer,
      newValue: sealed,
    });
  }

  /** A signed journey step: bound to the journey, the step's event id and its payload. */
  recordForStep(
    manager: EntityManager,
    step: SignedStep,
    input: StepActivityInput<{ signature: unknown }>,
  ): Promise<void> {
    const { donorCode, eventId, actor, journeyId, payload } = input;
    return this.record(manager, payload.signature, {
      meaning: SIGNED_STEPS[step],
      decidedBy: actor,
      signerRole: SIGNER_ROLE,
      subject: { recordType: step, recordId: eventId, donorCode },
      contentHash: signedContentHash({ donorCode, step, detail: payload }),
      journeyId,
    });
  }

  /**
   * DON-06.4, CSV-02: QA's signed closure of a journey's deviation, whichever service raised it
   * (donor material, environmental monitoring, an emergency on the product): the gateway seals
   * the same content for each.
   */
  recordDeviationClosure(
    manager: EntityManager,
    deviationId: string,
    command: CloseDeviationCommand & { emergency?: EmergencyDecision },
  ): Promise<void> {
    const { donorCode, investigation, rootCause, correctiveAction, emergency } = command;
    const subject = { recordType: 'deviation-closure', recordId: deviationId, donorCode };
    // QA-04: an emergency's decision (CAPA, disposition, recall) is signed with its closure.
    const detail = {
      donorCode,
      investigation,
      rootCause,
      correctiveAction,
      ...(emergency ? { emergency } : {}),
    };
    return this.record(manager, command.signature, {
      meaning: 'closed',
      decidedBy: command.closedBy,
      signerRole: SIGNER_ROLE,
      subject,
      contentHash: signedRecordHash({ ...subject, detail }),
      journeyId: journeyWorkflowId(donorCode),
    });
  }
}

/** Whatever arrived (a Temporal update is not validated by the gateway) must be a signature. */
function wellFormed(signature: unknown): ElectronicSignature {
  const parsed = electronicSignatureSchema.safeParse(signature);
  if (parsed.success) return parsed.data;
  throw new DomainError(
    'CSV-02',
    `the decision carries no well-formed electronic signature (CSV-02): ${parsed.error.issues
      .map((i) => `${i.path.join('.') || 'signature'}: ${i.message}`)
      .join('; ')}`,
  );
}
