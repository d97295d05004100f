import { DomainError } from '@v2v/contracts';
import type {
  IvdApproval,
  IvdApprovalStatus,
  KeyMaterialCategory,
  KeyMaterialLot,
  LotDecision,
  LotRecall,
  RiskAssessment,
  RiskLevel,
} from './key-material';

/** A registration as asked for: the rule decides what is missing, so everything is optional. */
export interface KeyMaterialDraft {
  materialCode: string;
  category: KeyMaterialCategory;
  riskAssessment?: {
    level?: RiskLevel;
    summary?: string;
    assessedBy?: string;
    assessedOn?: string;
  };
  ivd?: { approvalStatus?: IvdApprovalStatus; marker?: string; justification?: string };
}

const blank = (value: string | undefined): boolean => !value?.trim();

/**
 * MAT-01: a key material enters the catalogue only with a complete, recorded risk assessment
 * dated no later than today. Returns the assessment as recorded.
 */
export function requireRiskAssessment(draft: KeyMaterialDraft, today: string): RiskAssessment {
  const given = draft.riskAssessment ?? {};
  const missing = (['level', 'summary', 'assessedBy', 'assessedOn'] as const).filter((field) =>
    blank(given[field]),
  );
  if (missing.length > 0) {
    throw new DomainError(
      'MAT-01',
      `key material ${draft.materialCode} has no recorded risk assessment (missing: ${missing.join(', ')}) (MAT-01)`,
      { materialCode: draft.materialCode, missing },
    );
  }
  const assessment = given as RiskAssessment;
  if (assessment.assessedOn > today) {
    throw new DomainError(
      'MAT-01',
      `the risk assessment of key material ${draft.materialCode} is dated ${assessment.assessedOn}, after today (${today}): record an assessment that has been made (MAT-01)`,
      { materialCode: draft.materialCode, assessedOn: assessment.assessedOn },
    );
  }
  return {
    level: assessment.level,
    summary: assessment.summary.trim(),
    assessedBy: assessment.assessedBy.trim(),
    assessedOn: assessment.assessedOn,
  };
}

/**
 * MAT-02: an infectious-marker IVD reagent records its approval status and the marker it tests;
 * blood-screening-approved reagents are preferred, anything else needs a recorded justification.
 * Other categories carry no approval (null); sending one for them is a malformed request.
 */
export function requireIvdApproval(draft: KeyMaterialDraft): IvdApproval | null {
  if (draft.category !== 'ivd-reagent') {
    if (draft.ivd !== undefined) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `an IVD approval is recorded only for ivd-reagent materials, not for ${draft.category} ${draft.materialCode}`,
      );
    }
    return null;
  }
  const given = draft.ivd ?? {};
  const missing = (['approvalStatus', 'marker'] as const).filter((field) => blank(given[field]));
  if (missing.length > 0) {
    throw new DomainError(
      'MAT-02',
      `IVD reagent ${draft.materialCode} must record its approval status and the infectious marker it tests (missing: ${missing.join(', ')}) (MAT-02)`,
      { materialCode: draft.materialCode, missing },
    );
  }
  const approvalStatus = given.approvalStatus as IvdApprovalStatus;
  if (approvalStatus !== 'blood-screening-approved' && blank(given.justification)) {
    throw new DomainError(
      'MAT-02',
      `IVD reagent ${draft.materialCode} is ${approvalStatus}, not approved for blood screening: record the justification for using it (MAT-02)`,
      { materialCode: draft.materialCode, approvalStatus },
    );
  }
  return {
    approvalStatus,
    marker: (given.marker as string).trim(),
    justification: blank(given.justification) ? null : (given.justification as string).trim(),
  };
}

/** The part of a lot the decision and consumption rules look at. */
export type LotState = Pick<KeyMaterialLot, 'lotId' | 'status'> & {
  inspection: Pick<
    KeyMaterialLot['inspection'],
    'expiresOn' | 'result' | 'certificateOfAnalysisChecked'
  >;
};

/**
 * MAT-01: QA decides once, on a lot in quarantine. A release needs a passed incoming inspection,
 * a checked certificate of analysis and an unexpired lot; a rejection is always possible.
 */
export function assertLotDecidable(
  lot: LotState | undefined,
  lotId: string,
  decision: LotDecision,
  today: string,
): asserts lot is LotState {
  if (!lot) throw new DomainError('NOT_FOUND', `no key-material lot ${lotId}`);
  const refuse = (why: string) => {
    throw new DomainError('MAT-01', `lot ${lotId} cannot be ${decision}: ${why} (MAT-01)`, {
      lotId,
      status: lot.status,
    });
  };
  if (lot.status !== 'quarantine')
    refuse(`it was already ${lot.status}, and a QA decision on a lot is final`);
  if (decision === 'rejected') return;
  if (lot.inspection.result !== 'pass') refuse('it failed its incoming inspection');
  if (!lot.inspection.certificateOfAnalysisChecked)
    refuse('its certificate of analysis was not checked at incoming inspection');
  if (lot.inspection.expiresOn < today) refuse(`it expired on ${lot.inspection.expiresOn}`);
}

/**
 * MAT-01: only a released, unexpired lot is consumed. A lot is usable through its expiry date.
 * The refusal names what is wrong: unknown, in quarantine, rejected, or expired on which day.
 */
export function assertLotConsumable(
  lot: LotState | undefined,
  lotId: string,
  today: string,
): asserts lot is LotState {
  const refuse = (why: string, details: Record<string, unknown> = {}) => {
    throw new DomainError(
      'MAT-01',
      `key-material lot ${lotId} cannot be consumed: ${why}; only a released, unexpired lot can be consumed (MAT-01)`,
      { lotId, ...details },
    );
  };
  if (!lot) refuse('unknown lot');
  const { status, inspection } = lot as LotState;
  if (status === 'quarantine') refuse('it is in quarantine, not released by QA', { status });
  if (status === 'rejected') refuse('it was rejected by QA', { status });
  if (inspection.expiresOn < today)
    refuse(`it expired on ${inspection.expiresOn}`, { status, expiresOn: inspection.expiresOn });
}

/**
 * QA-04 (§10(4)), TRC-01: once QA's signed recall names a lot, no batch consumes it any more,
 * released and unexpired though it is: a consumption would put a recalled material into a
 * product the recall never reached. The refusal names each recall.
 */
export function requireLotNotRecalled(lotId: string, recalls: readonly LotRecall[]): void {
  if (recalls.length === 0) return;
  const named = recalls
    .map((r) => `recall ${r.recallId} (class ${r.classification}, ${r.decidedAt}: ${r.reason})`)
    .join('; ');
  throw new DomainError(
    'QA-04',
    `key-material lot ${lotId} cannot be consumed: it is recalled by ${named}; a recalled lot is not consumed (QA-04)`,
    { lotId, recalls: recalls.map((r) => r.recallId) },
  );
}
