import {
  DomainError,
  InstitutionDecision,
  InstitutionDecisionKind,
  InstitutionStatus,
} from '@v2v/contracts';

/** The statuses each decision may be taken from (DON-02). */
const FROM: Record<InstitutionDecisionKind, readonly InstitutionStatus[]> = {
  'complete-assessment': ['assessment'],
  'record-on-site-audit': ['on-site-audit'],
  'periodic-review': ['approved'],
  suspend: ['approved'],
  reinstate: ['suspended'],
  remove: ['assessment', 'on-site-audit', 'approved', 'suspended'],
};

export interface QualificationContext {
  status: InstitutionStatus;
  /** The current quality agreement's expiry, if the institution has one. */
  agreementExpiresOn: string | null;
  today: string;
}

export interface QualificationOutcome {
  status: InstitutionStatus;
  /** Why, in one line: what the notice to running journeys says. */
  reason: string;
}

/**
 * DON-02: the institution's next status under QA's decision, or a refusal naming what is
 * missing. Approval (after a passed on-site audit) and reinstatement need a quality agreement
 * in force; a review date must lie ahead; evidence cannot be dated in the future.
 */
export function decideQualification(
  context: QualificationContext,
  decision: InstitutionDecision,
): QualificationOutcome {
  const { status, today } = context;
  if (!FROM[decision.decision].includes(status)) {
    throw new DomainError(
      'DON-02',
      `'${decision.decision}' is decided for an institution in ${FROM[decision.decision].join(' or ')}; this one is ${status} (DON-02)`,
      { status },
    );
  }
  const agreement = 'qualityAgreement' in decision ? decision.qualityAgreement : undefined;
  if (agreement && agreement.expiresOn < today) {
    throw new DomainError(
      'DON-02',
      `quality agreement ${agreement.reference} expired on ${agreement.expiresOn}; a decision can only rest on one in force (DON-02)`,
    );
  }
  if (
    'nextReviewDue' in decision &&
    decision.nextReviewDue !== undefined &&
    decision.nextReviewDue <= today
  ) {
    throw new DomainError(
      'DON-02',
      `nextReviewDue ${decision.nextReviewDue} must lie after today (${today}) (DON-02)`,
    );
  }
  switch (decision.decision) {
    case 'complete-assessment':
      return decision.outcome === 'passed'
        ? { status: 'on-site-audit', reason: `assessment passed: ${decision.findings}` }
        : { status: 'removed', reason: `assessment failed: ${decision.findings}` };
    case 'record-on-site-audit':
      notInFuture(decision.auditedOn, 'auditedOn', today);
      return decision.outcome === 'passed'
        ? {
            status: 'approved',
            reason: `on-site audit of ${decision.auditedOn} passed; quality agreement ${decision.qualityAgreement!.reference} until ${decision.qualityAgreement!.expiresOn}`,
          }
        : {
            status: 'removed',
            reason: `on-site audit of ${decision.auditedOn} failed: ${decision.findings}`,
          };
    case 'periodic-review':
      notInFuture(decision.reviewedOn, 'reviewedOn', today);
      if (decision.outcome === 'continued') requireAgreementInForce(context, agreement?.expiresOn);
      return decision.outcome === 'continued'
        ? {
            status: 'approved',
            reason: `periodic review of ${decision.reviewedOn}: approval continued until the next review on ${decision.nextReviewDue}`,
          }
        : {
            status: 'suspended',
            reason: `periodic review of ${decision.reviewedOn}: ${decision.findings}`,
          };
    case 'suspend':
      return { status: 'suspended', reason: decision.reason };
    case 'reinstate':
      requireAgreementInForce(context, agreement?.expiresOn);
      return { status: 'approved', reason: decision.reason };
    case 'remove':
      return { status: 'removed', reason: decision.reason };
  }
}

function notInFuture(date: string, field: string, today: string): void {
  if (date > today)
    throw new DomainError('VALIDATION_FAILED', `${field} ${date} lies in the future`);
}

function requireAgreementInForce(
  context: QualificationContext,
  renewedUntil: string | undefined,
): void {
  const until = renewedUntil ?? context.agreementExpiresOn;
  if (!until || until < context.today) {
    throw new DomainError(
      'DON-02',
      `the quality agreement expired${context.agreementExpiresOn ? ` on ${context.agreementExpiresOn}` : ''}; an approval needs a renewed qualityAgreement (DON-02)`,
    );
  }
}
