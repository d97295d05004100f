import {
  type CleanroomGrade,
  type DeviationNotice,
  DomainError,
  EM_RESULT_KINDS,
  type EmResultKind,
  type ImpactConclusion,
  MICROBIAL_KINDS,
  type OccupancyState,
  type ZoneGrade,
} from '@v2v/contracts';
import { emLimit } from './em-limits';
import type {
  EmExcursion,
  EmOutcome,
  EmResult,
  ExcursionFollowUp,
  ImpactAssessment,
} from './environmental-monitoring';

/** How far ahead of the server clock an instant may lie (the recording device's clock skew). */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** The zone grades a room of each cleanroom grade has (§6(4)): the A zone and its background. */
const ZONES: Readonly<Record<CleanroomGrade, readonly ZoneGrade[]>> = {
  'A-in-B': ['A', 'B'],
  'local-A-in-C': ['A', 'C'],
  C: ['C'],
  D: ['D'],
};

export const zonesOf = (grade: CleanroomGrade): readonly ZoneGrade[] => ZONES[grade];

export const isMicrobial = (kind: EmResultKind): boolean => MICROBIAL_KINDS.includes(kind);

/** PRD-05: a result is taken in a zone the room has; a grade C room has no grade A zone. */
export function requireZoneInRoom(
  room: { roomCode: string; grade: CleanroomGrade },
  zoneGrade: ZoneGrade,
): void {
  if (!ZONES[room.grade].includes(zoneGrade))
    throw new DomainError(
      'PRD-05',
      `room ${room.roomCode} (grade ${room.grade}) has no grade ${zoneGrade} zone; its zones are ${ZONES[room.grade].join(', ')} (PRD-05)`,
      { roomCode: room.roomCode, roomGrade: room.grade, zoneGrade },
    );
}

/** PRD-05: a session ended after it started, and neither instant lies in the future. */
export function requireSessionInstants(startedAt: string, endedAt: string, now: Date): void {
  const problems: Array<{ path: string; message: string }> = [];
  const start = Date.parse(startedAt);
  const end = Date.parse(endedAt);
  const latest = now.getTime() + CLOCK_SKEW_MS;
  if (start > latest) problems.push({ path: 'startedAt', message: `${startedAt} lies ahead` });
  if (end > latest) problems.push({ path: 'endedAt', message: `${endedAt} lies ahead` });
  if (end <= start) problems.push({ path: 'endedAt', message: 'must be after startedAt' });
  if (problems.length)
    throw new DomainError(
      'VALIDATION_FAILED',
      `the session's instants are not possible: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')} (PRD-05)`,
      { fieldErrors: problems },
    );
}

/**
 * PRD-05: the system's judgement of a result against the limit of its kind, zone grade and the
 * session's occupancy state (em-limits.ts); the user never types a limit or an outcome.
 */
export function judgeResult(
  kind: EmResultKind,
  zoneGrade: ZoneGrade,
  state: OccupancyState,
  value: number,
): { unit: string; limit: number | null; outcome: EmOutcome } {
  const limit = emLimit(kind, zoneGrade, state);
  const unit = EM_RESULT_KINDS[kind];
  if (limit === null) return { unit, limit, outcome: 'no-limit' };
  return { unit, limit, outcome: value > limit ? 'excursion' : 'within-limit' };
}

/**
 * PRD-05, append-only results: a correction replaces a result of the same session that has not
 * been corrected already (the correction of a correction replaces the latest entry).
 */
export function requireCorrectable(
  original: Pick<EmResult, 'resultId' | 'sessionId'> | undefined,
  correctsResultId: string,
  sessionId: string,
  correctedBy: string | undefined,
): void {
  if (!original || original.sessionId !== sessionId)
    throw new DomainError(
      'PRD-05',
      `result ${correctsResultId} is not a result of session ${sessionId}; a correction replaces a result of its own session (PRD-05)`,
    );
  if (correctedBy)
    throw new DomainError(
      'PRD-05',
      `result ${correctsResultId} was already corrected by result ${correctedBy}; correct the latest entry (PRD-05)`,
      { correctedBy },
    );
}

/** PRD-05: the organism of a microbial excursion is identified once. */
export function requireOrganismIdentifiable(excursion: EmExcursion): void {
  if (!excursion.microbial)
    throw new DomainError(
      'PRD-05',
      `excursion ${excursion.excursionId} is a ${excursion.kind} count; only a microbial excursion has an organism to identify (PRD-05)`,
    );
  if (excursion.organism)
    throw new DomainError(
      'PRD-05',
      `the organism of excursion ${excursion.excursionId} was already identified as ${excursion.organism.genus} (PRD-05)`,
    );
}

/**
 * PRD-05: QA assesses a batch the microbial excursion exposed, once the organism is identified
 * (the assessment rests on it); a concluded assessment is final, one concluding further
 * investigation is followed by another.
 */
export function requireImpactAssessable(excursion: EmExcursion, donorCode: string): void {
  if (!excursion.microbial)
    throw new DomainError(
      'PRD-05',
      `excursion ${excursion.excursionId} is a ${excursion.kind} count; the contamination impact assessment is for microbial excursions (PRD-05)`,
    );
  const exposed = excursion.exposedBatches.find((b) => b.donorCode === donorCode);
  if (!exposed)
    throw new DomainError(
      'NOT_FOUND',
      `no batch of donor code ${donorCode} was in room ${excursion.roomCode} during session ${excursion.sessionId}`,
    );
  if (!excursion.organism)
    throw new DomainError(
      'PRD-05',
      `identify the organism of excursion ${excursion.excursionId} before assessing its impact (PRD-05)`,
    );
  const latest = exposed.assessment?.conclusion;
  if (latest && latest !== 'impact-further-investigation')
    throw new DomainError(
      'PRD-05',
      `the impact of excursion ${excursion.excursionId} on the batch of ${donorCode} was already concluded ${latest} (PRD-05)`,
    );
}

/** A batch is clear of an excursion only when QA concluded no impact. */
const clears = (conclusion: ImpactConclusion | undefined) => conclusion === 'no-impact';

/** What is still to do on an excursion; a particle excursion is investigated as a deviation. */
export function followUpOf(excursion: EmExcursion): ExcursionFollowUp {
  if (!excursion.microbial)
    return { open: true, pending: ['deviation investigation of the particle count'] };
  const pending = [
    ...(excursion.organism ? [] : ['organism identification']),
    ...excursion.exposedBatches
      .filter((b) => !b.assessment || b.assessment.conclusion === 'impact-further-investigation')
      .map((b) => `impact assessment of the batch of ${b.donorCode}`),
  ];
  return { open: pending.length > 0, pending };
}

/** A PRD-05 release hold: a microbial excursion the batch was exposed to, not cleared. */
export interface ReleaseHold {
  excursionId: string;
  roomCode: string;
  sessionId: string;
  sessionStartedAt: string;
  sessionEndedAt: string;
  kind: EmResultKind;
  reason: string;
}

/** Why an exposed batch is held: what of §9(6)'s identification and assessment is missing. */
function holdReason(excursion: EmExcursion, assessment: ImpactAssessment | null): string {
  if (!assessment)
    return excursion.organism
      ? 'impact not assessed'
      : 'organism not identified, impact not assessed';
  if (assessment.conclusion === 'impact-further-investigation')
    return 'impact under further investigation';
  return `impact assessed ${assessment.conclusion}`;
}

/**
 * The holds on the batch of `donorCode` among the excursions that exposed it. With a batch
 * number, an exposure recorded for another batch of the donor (an earlier, rejected one) does
 * not hold this one; an exposure recorded before the batch number was known does.
 */
export function releaseHoldsOf(
  donorCode: string,
  excursions: EmExcursion[],
  batchNumber?: string,
): ReleaseHold[] {
  return excursions.flatMap((x) => {
    const exposed = x.exposedBatches.find((b) => b.donorCode === donorCode);
    if (!x.microbial || !exposed || clears(exposed.assessment?.conclusion)) return [];
    if (batchNumber && exposed.batchNumber && exposed.batchNumber !== batchNumber) return [];
    return [
      {
        excursionId: x.excursionId,
        roomCode: x.roomCode,
        sessionId: x.sessionId,
        sessionStartedAt: x.sessionStartedAt,
        sessionEndedAt: x.sessionEndedAt,
        kind: x.kind,
        reason: holdReason(x, exposed.assessment),
      },
    ];
  });
}

/**
 * PRD-05: a batch exposed to a microbial excursion in a room during a session it was in is not
 * releasable until QA assessed the impact and concluded none. Refused naming the excursion,
 * room and session.
 */
export function requireImpactAssessed(
  donorCode: string,
  excursions: EmExcursion[],
  batchNumber?: string,
): void {
  const holds = releaseHoldsOf(donorCode, excursions, batchNumber);
  if (!holds.length) return;
  const named = holds
    .map(
      (h) =>
        `${h.kind} excursion ${h.excursionId} in room ${h.roomCode} during session ${h.sessionId} (${h.sessionStartedAt}–${h.sessionEndedAt}): ${h.reason}`,
    )
    .join('; ');
  throw new DomainError(
    'PRD-05',
    `the batch of ${batchNumber ? `${donorCode} (${batchNumber})` : donorCode} is not releasable: ${named} (PRD-05)`,
    { holds },
  );
}

/** What an excursion's deviation on an exposed batch's journey names (PRD-05, GEN-01). */
export interface ExcursionDeviationFacts {
  excursionId: string;
  sessionId: string;
  roomCode: string;
  sessionStartedAt: string;
  sessionEndedAt: string;
  kind: EmResultKind;
  zoneGrade: ZoneGrade;
  sampleLocation: string;
  value: number;
  unit: string;
  limit: number;
}

/**
 * PRD-05 (§9(6)): an excursion is a deviation of every journey whose batch was in the room
 * during the session; its description names room, session, result and limit.
 */
export function excursionDeviation(
  x: ExcursionDeviationFacts,
  exposed: { donorCode: string; batchNumber: string | null },
  deviationId: string,
  detectedAt: string,
): DeviationNotice & { source: 'em-excursion'; excursionId: string } {
  const batch = exposed.batchNumber
    ? `batch ${exposed.batchNumber}`
    : `the batch of ${exposed.donorCode}`;
  return {
    deviationId,
    rule: 'PRD-05',
    source: 'em-excursion',
    excursionId: x.excursionId,
    detectedAt,
    description: `${x.kind} excursion in room ${x.roomCode} during session ${x.sessionId} (${x.sessionStartedAt}–${x.sessionEndedAt}): ${x.value} ${x.unit} at ${x.sampleLocation} (grade ${x.zoneGrade}) above the limit of ${x.limit} ${x.unit}; ${batch} was in the room (PRD-05)`,
  };
}
