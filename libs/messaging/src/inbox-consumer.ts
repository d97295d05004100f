import { Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import { ZodError } from 'zod';
import { EventEnvelope, eventEnvelopeSchema } from '@v2v/contracts';

export type EventHandler = (envelope: EventEnvelope, manager: EntityManager) => Promise<void>;

export interface InboxConsumerOptions {
  kafka: Kafka;
  dataSource: DataSource;
  schema: string;
  groupId: string;
  topics: string[];
  handler: EventHandler;
  /** Bounded restarts: after this many consecutive crashes the process exits. */
  maxRestarts?: number;
  onFatal?: (error: unknown) => void;
  log?: (msg: string, extra?: object) => void;
}

/**
 * Applies each event at most once: the inbox row (keyed by event id) and the handler's
 * writes commit in one transaction; the Kafka offset is committed only after that.
 * A redelivered event finds its inbox row and is skipped.
 */
export class InboxConsumer {
  private consumer?: Consumer;
  private restarts = 0;
  private lastProgressAt = Date.now();

  constructor(private readonly options: InboxConsumerOptions) {}

  async start(): Promise<void> {
    const { kafka, groupId, topics, maxRestarts = 5 } = this.options;
    this.consumer = kafka.consumer({
      groupId,
      retry: {
        retries: 8,
        restartOnFailure: async (error) => {
          this.restarts += 1;
          if (this.restarts > maxRestarts) {
            this.options.onFatal?.(error);
            return false;
          }
          return true;
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
    await this.consumer?.disconnect();
  }

  /** Health is progress, not liveness: when did this consumer last apply or skip a message. */
  get lastProgress(): Date {
    return new Date(this.lastProgressAt);
  }

  private async consume({ topic, partition, message }: EachMessagePayload): Promise<void> {
    const raw = message.value?.toString('utf8') ?? '';
    const parsed = parseEnvelope(raw);
    const { dataSource, schema, handler } = this.options;
    const reject = async (error: string) => {
      await dataSource.query(
        `INSERT INTO "${schema}"."inbox_rejected" ("topic", "partition", "kafka_offset", "raw", "error")
         VALUES ($1, $2, $3, $4, $5)`,
        [topic, partition, message.offset, raw.slice(0, 100_000), error],
      );
      this.options.log?.('rejected malformed event', { topic, partition, offset: message.offset });
    };
    if (!parsed.ok) {
      await reject(parsed.error);
    } else {
      const envelope = parsed.envelope;
      try {
        await dataSource.transaction(async (manager) => {
          const inserted: unknown[] = await manager.query(
            `INSERT INTO "${schema}"."inbox" ("event_id", "message_type", "topic", "partition", "kafka_offset")
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT ("event_id") DO NOTHING RETURNING "event_id"`,
            [envelope.id, envelope.messageType, topic, partition, message.offset],
          );
          if (inserted.length === 1) await handler(envelope, manager);
        });
      } catch (error) {
        // A payload that fails its contract fails the same way on every redelivery: retrying
        // it would stall the partition and crash-loop the consumer. It is kept aside (nothing
        // of it was applied, the inbox row rolled back with it); other errors are retried.
        if (!(error instanceof ZodError)) throw error;
        await reject(`${envelope.messageType} ${envelope.id}: payload invalid: ${error.message}`);
      }
    }
    await this.consumer!.commitOffsets([
      { topic, partition, offset: (BigInt(message.offset) + 1n).toString() },
    ]);
    this.lastProgressAt = Date.now();
    this.restarts = 0;
  }
}

function parseEnvelope(
  raw: string,
): { ok: true; envelope: EventEnvelope } | { ok: false; error: string } {
  try {
    const result = eventEnvelopeSchema.safeParse(JSON.parse(raw));
    return result.success
      ? { ok: true, envelope: result.data }
      : { ok: false, error: result.error.message };
  } catch (error) {
    return { ok: false, error: `not JSON: ${(error as Error).message}` };
  }
}
