import {
  type Actor,
  DomainError,
  type ElectronicSignature,
  type Role,
  type SignatureSubject,
} from '@v2v/contracts';

/** What the decision about to be recorded needs of its signature. */
export interface SignatureExpectation {
  /** The decision's meaning (`released`, `approved`, …). */
  meaning: string;
  /** Who is recorded as having decided: the signer must be that person. */
  decidedBy: Pick<Actor, 'userId'>;
  /** The role the meaning needs (PER-03). */
  signerRole: Role;
  subject: SignatureSubject;
  /** The hash of the content about to be recorded, computed by the owning service. */
  contentHash: string;
}

/**
 * CSV-02, PER-03: every reason a signature cannot sign this decision (empty when it can).
 * `sealValid` says whether the gateway made it as it stands; everything else is compared
 * with the decision the owning service is about to record.
 */
export function signatureMismatches(
  signature: ElectronicSignature,
  expected: SignatureExpectation,
  sealValid: boolean,
): string[] {
  const problems: string[] = [];
  if (!sealValid) problems.push('its seal is not the gateway’s (forged or altered)');
  if (signature.signer.userId !== expected.decidedBy.userId) {
    problems.push(
      `it was made by ${signature.signer.userId}, the decision is ${expected.decidedBy.userId}'s`,
    );
  }
  if (signature.meaning !== expected.meaning) {
    problems.push(`it means '${signature.meaning}', the decision is '${expected.meaning}'`);
  }
  const { subject } = signature;
  const want = expected.subject;
  if (
    subject.recordType !== want.recordType ||
    subject.recordId !== want.recordId ||
    (subject.donorCode ?? null) !== (want.donorCode ?? null)
  ) {
    problems.push(`it was made for ${describe(subject)}, the decision is on ${describe(want)}`);
  }
  if (signature.signedContentHash !== expected.contentHash) {
    problems.push('the signed content is not the content being recorded');
  }
  return problems;
}

/**
 * Refuses the decision unless its signature was made for it (CSV-02) by the right role (PER-03).
 */
export function assertSignatureMadeFor(
  signature: ElectronicSignature,
  expected: SignatureExpectation,
  sealValid: boolean,
): void {
  const problems = signatureMismatches(signature, expected, sealValid);
  if (problems.length) {
    throw new DomainError(
      'CSV-02',
      `the signature cannot sign this decision (CSV-02): ${problems.join('; ')}`,
      { problems },
    );
  }
  if (sealValid && signature.signer.role !== expected.signerRole) {
    throw new DomainError(
      'PER-03',
      `a '${expected.meaning}' decision is signed only by the ${expected.signerRole} role; ${signature.signer.userId} signed as ${signature.signer.role} (PER-03)`,
    );
  }
}

function describe(subject: SignatureSubject): string {
  return `${subject.recordType} ${subject.recordId}${subject.donorCode ? ` of ${subject.donorCode}` : ''}`;
}
