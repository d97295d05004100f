import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  DomainError,
  JourneyStep,
  RaiseDeviationInput,
  StepActivityInput,
  StepRecord,
  uniqueViolationConstraint,
  uniqueViolationRefusal,
} from '@v2v/contracts';
import { writeAudit } from '@v2v/audit';
import { appendToOutbox } from './outbox-writer';
import { repeatedStepConflict, StepIdentity, stepPayloadHash } from './step-identity';

export interface StepRecordInput {
  schema: string;
  producer: string;
  topic: string;
  /** The journey step's event id: the idempotency key of the whole write. */
  eventId: string;
  donorCode: string;
  journeyId: string;
  recordType: string;
  messageType: string;
  actor: Actor;
  occurredAt: string;
  summary: string;
  detail: Record<string, unknown>;
  /**
   * The journey step this records (CSV-04): with it, a retry under a new event id gets the
   * recorded step back. Absent for deviations (keyed by their deviation id) and for activities
   * scheduled by an older journey worker.
   */
  identity?: StepIdentity;
}

interface ExistingRow {
  id: string;
  record_type: string;
  donor_code: string;
  actor_user_id: string;
  summary: string;
  detail: Record<string, unknown>;
}

/**
 * The record as the journey sees it; `outcome`, `knownPositiveMarkers`, (production's start)
 * `batchNumber` and the `deviations` the step raised travel in its detail.
 */
function stepRecordOf(
  recordId: string,
  summary: string,
  detail: Record<string, unknown>,
): StepRecord {
  const record: StepRecord = { recordId, summary };
  if (typeof detail.outcome === 'string') record.outcome = detail.outcome;
  if (Array.isArray(detail.knownPositiveMarkers))
    record.knownPositiveMarkers = detail.knownPositiveMarkers as string[];
  if (typeof detail.batchNumber === 'string') record.batchNumber = detail.batchNumber;
  if (Array.isArray(detail.deviations))
    record.deviations = detail.deviations as StepRecord['deviations'];
  return record;
}

/**
 * Records a step, its audit entry (CSV-01) and its custody event in one transaction,
 * exactly once per journey step (CSV-04).
 * A repeat with the same event id returns the first record; a repeat that reuses the id
 * for a different kind of record is refused. A retry of a recorded step under a new event id
 * (the first answer was lost after the commit) returns the recorded step when it asks the same,
 * and is refused when it asks something else. `guard` runs inside the transaction first,
 * so a refused step leaves nothing written; what it returns (what it found and recorded in the
 * transaction, e.g. the deviations it raised) joins the step's detail.
 */
export async function recordStepOnce(
  dataSource: DataSource,
  input: StepRecordInput,
  guard?: (manager: EntityManager) => Promise<Record<string, unknown> | void>,
): Promise<StepRecord> {
  const existing =
    (await findByEventId(dataSource.manager, input)) ??
    (await findByStep(dataSource.manager, input));
  if (existing) return existing;
  try {
    return await dataSource.transaction(async (manager) => {
      const found = guard ? await guard(manager) : undefined;
      const detail = found ? { ...input.detail, ...found } : input.detail;
      const recordId = randomUUID();
      await insertStepRecord(manager, recordId, { ...input, detail });
      await writeAudit(manager, input.schema, {
        recordType: input.recordType,
        recordId,
        journeyId: input.journeyId,
        action: 'create',
        actor: input.actor,
        newValue: {
          eventId: input.eventId,
          donorCode: input.donorCode,
          occurredAt: input.occurredAt,
          summary: input.summary,
          detail,
          ...(input.identity ? { occurrence: occurrenceOf(input.identity) } : {}),
        },
      });
      await appendToOutbox(manager, {
        topic: input.topic,
        aggregateType: 'journey',
        aggregateId: input.donorCode,
        messageType: input.messageType,
        producer: input.producer,
        causationId: input.eventId,
        journeyId: input.journeyId,
        occurredAt: new Date(input.occurredAt),
        payload: {
          donorCode: input.donorCode,
          journeyId: input.journeyId,
          actor: { userId: input.actor.userId, role: input.actor.role },
          recordId,
          summary: input.summary,
          detail,
        },
      });
      return stepRecordOf(recordId, input.summary, detail);
    });
  } catch (error) {
    // Two attempts of the same step raced: the loser returns the winner's record. Any other
    // unique violation (the guard's own records) is a conflict with what is on record.
    const constraint = uniqueViolationConstraint(error);
    const winner =
      constraint === `UQ_${input.schema}_step_record_event`
        ? await findByEventId(dataSource.manager, input)
        : constraint === `UQ_${input.schema}_step_record_step`
          ? await findByStep(dataSource.manager, input)
          : undefined;
    if (winner) return winner;
    throw uniqueViolationRefusal(error) ?? error;
  }
}

function occurrenceOf({ cycle, repeat }: StepIdentity) {
  return { cycle, repeat };
}

async function insertStepRecord(manager: EntityManager, recordId: string, input: StepRecordInput) {
  const { identity } = input;
  await manager.query(
    `INSERT INTO "${input.schema}"."step_record"
       ("id", "event_id", "donor_code", "journey_id", "record_type", "actor_user_id",
        "actor_role", "occurred_at", "summary", "detail",
        "step", "step_cycle", "step_repeat", "payload_hash")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      recordId,
      input.eventId,
      input.donorCode,
      input.journeyId,
      input.recordType,
      input.actor.userId,
      input.actor.role,
      input.occurredAt,
      input.summary,
      input.detail,
      identity?.step ?? null,
      identity?.cycle ?? null,
      identity?.repeat ?? null,
      identity?.payloadHash ?? null,
    ],
  );
}

interface StepRow {
  id: string;
  event_id: string;
  actor_user_id: string;
  payload_hash: string;
  summary: string;
  detail: Record<string, unknown>;
}

/** The record of the same journey step under another event id, if the step is on record. */
async function findByStep(
  manager: EntityManager,
  input: StepRecordInput,
): Promise<StepRecord | undefined> {
  const { identity } = input;
  if (!identity) return undefined;
  const rows: StepRow[] = await manager.query(
    `SELECT "id", "event_id", "actor_user_id", "payload_hash", "summary", "detail"
       FROM "${input.schema}"."step_record"
      WHERE "donor_code" = $1 AND "step" = $2 AND "step_cycle" = $3 AND "step_repeat" = $4`,
    [input.donorCode, identity.step, identity.cycle, identity.repeat],
  );
  const row = rows[0];
  if (!row) return undefined;
  const conflict = repeatedStepConflict(
    input.donorCode,
    { ...identity, actorUserId: input.actor.userId },
    { eventId: row.event_id, actorUserId: row.actor_user_id, payloadHash: row.payload_hash },
  );
  if (conflict) throw conflict;
  return stepRecordOf(row.id, row.summary, row.detail);
}

async function findByEventId(
  manager: EntityManager,
  input: StepRecordInput,
): Promise<StepRecord | undefined> {
  const rows: ExistingRow[] = await manager.query(
    `SELECT "id", "record_type", "donor_code", "actor_user_id", "summary", "detail"
       FROM "${input.schema}"."step_record" WHERE "event_id" = $1`,
    [input.eventId],
  );
  const row = rows[0];
  if (!row) return undefined;
  // A repeat is the same step of the same journey by the same user (the key's scope, as at
  // the gateway); anything else reusing the id would be answered with another's record.
  const other = [
    row.record_type !== input.recordType && `a ${row.record_type} record`,
    row.donor_code !== input.donorCode && `another journey (${row.donor_code})`,
    row.actor_user_id !== input.actor.userId && `another user (${row.actor_user_id})`,
  ].filter(Boolean);
  if (other.length) {
    throw new DomainError(
      'IDEMPOTENCY_CONFLICT',
      `event id ${input.eventId} was already used for ${other.join(', ')}`,
    );
  }
  return stepRecordOf(row.id, row.summary, row.detail);
}

export interface StepOwner {
  schema: string;
  producer: string;
  topic: string;
}

/**
 * A service's recorder for the journey steps it owns: each activity states what it records,
 * the recorder fills in the journey context and writes it with `recordStepOnce`.
 */
type StepContentInput = Pick<
  StepRecordInput,
  'recordType' | 'messageType' | 'summary' | 'detail'
> & {
  step: JourneyStep;
};

export function stepRecorder(dataSource: DataSource, owner: StepOwner) {
  const write = (
    input: StepActivityInput<unknown>,
    step: StepContentInput,
    guard?: (manager: EntityManager) => Promise<Record<string, unknown> | void>,
  ): Promise<StepRecord> => {
    const { eventId, donorCode, journeyId, actor, occurredAt, occurrence } = input;
    const { step: name, ...content } = step;
    const identity = occurrence && {
      step: name,
      ...occurrence,
      payloadHash: stepPayloadHash(input.payload),
    };
    return recordStepOnce(
      dataSource,
      { ...owner, eventId, donorCode, journeyId, actor, occurredAt, identity, ...content },
      guard,
    );
  };
  return {
    record(
      input: StepActivityInput<unknown>,
      step: StepContentInput,
      guard?: (manager: EntityManager) => Promise<unknown>,
    ): Promise<StepRecord> {
      return write(input, step, guard && (async (manager) => void (await guard(manager))));
    },

    /**
     * A step whose record decides more inside its transaction: what `findings` returns (e.g. the
     * deviations it raised) joins the step's detail, its custody event and the journey's record.
     */
    recordWithFindings(
      input: StepActivityInput<unknown>,
      step: StepContentInput,
      findings: (manager: EntityManager) => Promise<Record<string, unknown>>,
    ): Promise<StepRecord> {
      return write(input, step, findings);
    },

    /** A deviation raised by the journey (GEN-01), recorded once per deviation id. */
    deviation(input: RaiseDeviationInput): Promise<StepRecord> {
      const { deviation } = input;
      return recordStepOnce(dataSource, {
        ...owner,
        eventId: deviation.deviationId,
        donorCode: input.donorCode,
        journeyId: input.journeyId,
        recordType: 'deviation',
        messageType: 'deviation.raised.v1',
        actor: { userId: 'system', role: 'ops' },
        occurredAt: deviation.detectedAt,
        summary: deviation.description,
        detail: { ...deviation },
      });
    },
  };
}
