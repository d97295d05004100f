import { trace } from '@opentelemetry/api';
import { Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import { EventEnvelope, eventEnvelopeSchema } from '@v2v/contracts';
import { withSpan } from '@v2v/tracing';
import { startProcessSpan } from './consumer-span';
import { SetAsideMessageRepository } from './set-aside-message.repository';
import { decideHandlerFailure, SetAsideKind } from './set-aside-policy';

export type EventHandler = (envelope: EventEnvelope, manager: EntityManager) => Promise<void>;

export interface InboxConsumerOptions {
  kafka: Kafka;
  dataSource: DataSource;
  schema: string;
  groupId: string;
  topics: string[];
  handler: EventHandler;
  /**
   * Consecutive crashes (broker or database away: no message's fault) after which the consumer
   * reports `failure` (health turns unhealthy). It goes on restarting, however long the outage.
   */
  maxRestarts?: number;
  /** kafkajs's retries of a failing batch before the consumer crashes (default 8). */
  retries?: number;
  /** The wait before the n-th restart in a row (default consumerRestartDelayMs). */
  restartDelayMs?: (restarts: number) => number;
  /** Called at each crash, with how many in a row so far and the wait before the restart. */
  onCrash?: (error: unknown, restarts: number, restartInMs: number) => void;
  logger?: { error(msg: string, extra: object): void; warn(msg: string, extra: object): void };
  /** Called once per message whose offset is committed, applied, skipped or set aside. */
  onConsumed?: (topic: string) => void;
  /** Called for each message set aside, with why in a word (a metric label). */
  onSetAside?: (topic: string, kind: SetAsideKind) => void;
}

/**
 * Applies each event at most once: the inbox row (keyed by event id) and the handler's
 * writes commit in one transaction; the Kafka offset is committed only after that.
 * A redelivered event finds its inbox row and is skipped. A message that cannot be applied is
 * set aside (`decideHandlerFailure`, CSV-04) and the offset committed past it: one bad message
 * never stops the partition, let alone the process. Each message is consumed in a span that
 * continues the trace it was published in (`startProcessSpan`).
 */
export class InboxConsumer {
  private consumer?: Consumer;
  private restarts = 0;
  private lastProgressAt = Date.now();
  private lastCrash?: unknown;
  private stopping = false;
  private readonly setAside: SetAsideMessageRepository;

  constructor(private readonly options: InboxConsumerOptions) {
    this.setAside = new SetAsideMessageRepository(options.dataSource, options.schema, {
      inbox: true,
      outbox: false,
    });
  }

  async start(): Promise<void> {
    const { kafka, groupId, topics, maxRestarts = 5, retries = 8 } = this.options;
    const restartDelayMs = this.options.restartDelayMs ?? consumerRestartDelayMs;
    this.consumer = kafka.consumer({
      groupId,
      retry: {
        retries,
        // An outage of hours must not stop consuming for good: every crash is restarted, after
        // a wait that doubles with each crash in a row (consumerRestartDelayMs).
        restartOnFailure: async (error) => {
          this.restarts += 1;
          this.lastCrash = this.restarts > maxRestarts ? error : undefined;
          const delayMs = restartDelayMs(this.restarts);
          this.options.onCrash?.(error, this.restarts, delayMs);
          await new Promise((resolve) => setTimeout(resolve, delayMs));
          return !this.stopping;
        },
      },
    });
    await this.consumer.connect();
    for (const topic of topics) await this.consumer.subscribe({ topic, fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachMessage: (payload) => this.consume(payload),
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer?.disconnect();
  }

  /** Health is progress, not liveness: when did this consumer last apply or skip a message. */
  get lastProgress(): Date {
    return new Date(this.lastProgressAt);
  }

  /** The last crash once more than `maxRestarts` came in a row; undefined once it progresses. */
  get failure(): unknown {
    return this.lastCrash;
  }

  private consume(payload: EachMessagePayload): Promise<void> {
    const { topic, partition, message } = payload;
    const span = startProcessSpan(this.options.groupId, topic, partition, message);
    return withSpan(span, () => this.consumeInSpan(payload));
  }

  private async consumeInSpan({ topic, partition, message, heartbeat }: EachMessagePayload) {
    const firstFailedAt = new Date();
    const raw = message.value?.toString('utf8') ?? '';
    const parsed = parseEnvelope(raw);
    const failed = parsed.ok
      ? await this.apply(parsed.envelope, topic, partition, message.offset, heartbeat)
      : { reason: parsed.error, attempts: 1, kind: 'envelope' as const };
    if (failed) {
      const { kind, ...setAside } = failed;
      // Written before the offset commit: a crash between the two sets it aside only once.
      await this.setAside.record({
        consumerGroup: this.options.groupId,
        topic,
        partition,
        offset: message.offset,
        key: message.key?.toString('utf8') ?? null,
        eventId: parsed.ok ? parsed.envelope.id : null,
        value: message.value,
        ...setAside,
        firstFailedAt,
        lastFailedAt: new Date(),
      });
      (this.options.logger ?? console).error('message set aside', {
        groupId: this.options.groupId,
        topic,
        partition,
        offset: message.offset,
        ...setAside,
      });
      this.options.onSetAside?.(topic, kind);
      trace.getActiveSpan()?.setAttribute('v2v.message.set_aside', kind);
    }
    await this.consumer!.commitOffsets([
      { topic, partition, offset: (BigInt(message.offset) + 1n).toString() },
    ]);
    this.options.onConsumed?.(topic);
    this.lastProgressAt = Date.now();
    this.restarts = 0;
    this.lastCrash = undefined;
  }

  /** Applies the event, retrying as the policy says; what to set aside if it cannot. */
  private async apply(
    envelope: EventEnvelope,
    topic: string,
    partition: number,
    offset: string,
    heartbeat: () => Promise<void>,
  ): Promise<{ reason: string; attempts: number; kind: SetAsideKind } | undefined> {
    const { dataSource, schema, handler } = this.options;
    for (let attempt = 1; ; attempt++) {
      try {
        await dataSource.transaction(async (manager) => {
          const inserted: unknown[] = await manager.query(
            `INSERT INTO "${schema}"."inbox" ("event_id", "message_type", "topic", "partition", "kafka_offset")
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT ("event_id") DO NOTHING RETURNING "event_id"`,
            [envelope.id, envelope.messageType, topic, partition, offset],
          );
          if (inserted.length === 1) await handler(envelope, manager);
        });
        return undefined;
      } catch (error) {
        // Nothing of a failed attempt was applied: the inbox row rolled back with it.
        const decision = decideHandlerFailure(error, attempt);
        if (decision.action === 'rethrow') throw error;
        if (decision.action === 'set-aside') {
          return {
            reason: `${envelope.messageType} ${envelope.id}: ${decision.reason}`,
            attempts: attempt,
            kind: decision.kind,
          };
        }
        (this.options.logger ?? console).warn('message failed, retrying', {
          topic,
          partition,
          offset,
          attempt,
          error: error instanceof Error ? error.message : String(error),
        });
        await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
        await heartbeat();
      }
    }
  }
}

function parseEnvelope(
  raw: string,
): { ok: true; envelope: EventEnvelope } | { ok: false; error: string } {
  try {
    const result = eventEnvelopeSchema.safeParse(JSON.parse(raw));
    return result.success
      ? { ok: true, envelope: result.data }
      : { ok: false, error: `envelope invalid: ${result.error.message}` };
  } catch (error) {
    return { ok: false, error: `not JSON: ${(error as Error).message}` };
  }
}

/** Longest wait between two restarts of a crashed consumer. */
export const CONSUMER_RESTART_MAX_DELAY_MS = 60_000;

/** The wait before the `restarts`-th restart in a row: 1 s, doubling, at most a minute. */
export function consumerRestartDelayMs(restarts: number): number {
  return Math.min(CONSUMER_RESTART_MAX_DELAY_MS, 1000 * 2 ** Math.max(0, restarts - 1));
}
