import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  DomainError,
  RaiseDeviationInput,
  StepActivityInput,
  StepRecord,
} from '@v2v/contracts';
import { writeAudit } from '@v2v/audit';
import { appendToOutbox } from './outbox-writer';

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
}

interface ExistingRow {
  id: string;
  record_type: string;
  donor_code: string;
  actor_user_id: string;
  summary: string;
  detail: Record<string, unknown>;
}

/** The record as the journey sees it; `outcome` and `knownPositiveMarkers` travel in its detail. */
function stepRecordOf(
  recordId: string,
  summary: string,
  detail: Record<string, unknown>,
): StepRecord {
  const record: StepRecord = { recordId, summary };
  if (typeof detail.outcome === 'string') record.outcome = detail.outcome;
  if (Array.isArray(detail.knownPositiveMarkers))
    record.knownPositiveMarkers = detail.knownPositiveMarkers as string[];
  return record;
}

/**
 * Records a step, its audit entry (CSV-01) and its custody event in one transaction,
 * exactly once per event id.
 * A repeat with the same event id returns the first record; a repeat that reuses the id
 * for a different kind of record is refused. `guard` runs inside the transaction first,
 * so a refused step leaves nothing written.
 */
export async function recordStepOnce(
  dataSource: DataSource,
  input: StepRecordInput,
  guard?: (manager: EntityManager) => Promise<void>,
): Promise<StepRecord> {
  const existing = await findByEventId(dataSource.manager, input);
  if (existing) return existing;
  try {
    return await dataSource.transaction(async (manager) => {
      if (guard) await guard(manager);
      const recordId = randomUUID();
      await manager.query(
        `INSERT INTO "${input.schema}"."step_record"
           ("id", "event_id", "donor_code", "journey_id", "record_type", "actor_user_id",
            "actor_role", "occurred_at", "summary", "detail")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
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
        ],
      );
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
          detail: input.detail,
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
          detail: input.detail,
        },
      });
      return stepRecordOf(recordId, input.summary, input.detail);
    });
  } catch (error) {
    // Two attempts of the same step raced: the loser returns the winner's record.
    if ((error as { code?: string }).code === '23505') {
      const winner = await findByEventId(dataSource.manager, input);
      if (winner) return winner;
    }
    throw error;
  }
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
export function stepRecorder(dataSource: DataSource, owner: StepOwner) {
  return {
    record(
      input: StepActivityInput<unknown>,
      step: Pick<StepRecordInput, 'recordType' | 'messageType' | 'summary' | 'detail'>,
      guard?: (manager: EntityManager) => Promise<unknown>,
    ): Promise<StepRecord> {
      const { eventId, donorCode, journeyId, actor, occurredAt } = input;
      return recordStepOnce(
        dataSource,
        { ...owner, eventId, donorCode, journeyId, actor, occurredAt, ...step },
        guard && (async (manager) => void (await guard(manager))),
      );
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
