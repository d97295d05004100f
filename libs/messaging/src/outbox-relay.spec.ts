import { DataSource } from 'typeorm';
import { EventPublisher, OutgoingMessage } from './event-publisher.port';
import { OutboxRelay } from './outbox-relay';

interface Row {
  id: string;
  topic: string;
  message_key: string;
  message_type: string;
  envelope: unknown;
  record_failures: number;
  published: boolean;
  setAside: boolean;
  last_error?: string;
}

/**
 * An outbox held in memory behind the three statements the relay's batch runs (claim the
 * unpublished rows in order, mark published, count a refusal); the SQL itself is exercised by
 * the integration spec on PostgreSQL.
 */
function outboxOf(rows: Row[]): DataSource {
  const manager = {
    query: async (sql: string, params: unknown[]) => {
      if (sql.includes('FOR UPDATE SKIP LOCKED')) {
        return rows.filter((r) => !r.published && !r.setAside).map((r) => ({ ...r }));
      }
      if (sql.includes('"published_at" = clock_timestamp()')) {
        for (const r of rows) if ((params[0] as string[]).includes(r.id)) r.published = true;
        return [[], 0];
      }
      if (sql.includes('"record_failures" = "record_failures" + 1')) {
        const row = rows.find((r) => r.id === params[0])!;
        row.record_failures += 1;
        row.last_error = params[1] as string;
        row.setAside = params[2] as boolean;
        return [[], 1];
      }
      throw new Error(`unexpected statement: ${sql}`);
    },
  };
  return { transaction: (work: (m: typeof manager) => unknown) => work(manager) } as never;
}

const row = (id: string, key: string): Row => ({
  id,
  topic: 't',
  message_key: key,
  message_type: 'x.v1',
  envelope: { id, size: id === 'big' ? 'too large' : 'small' },
  record_failures: 0,
  published: false,
  setAside: false,
});

/** A broker that refuses the record `big` as too large, as Kafka does above message.max.bytes. */
function brokerRefusingBig(): EventPublisher & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    publishBatch: async (messages: OutgoingMessage[]) => {
      if (messages.some((m) => m.headers['event-id'] === 'big')) {
        throw Object.assign(new Error('message larger than the max'), {
          cause: Object.assign(new Error('message larger than the max'), {
            type: 'MESSAGE_TOO_LARGE',
          }),
        });
      }
      sent.push(...messages.map((m) => m.headers['event-id']));
    },
    disconnect: async () => undefined,
  };
}

describe('OutboxRelay', () => {
  it('CSV-04 sets aside a row the broker refuses after 5 attempts; other keys go on, its key waits', async () => {
    const rows = [row('big', 'K1'), row('after-big', 'K1'), row('other', 'K2')];
    const publisher = brokerRefusingBig();
    const setAside: string[] = [];
    const relay = new OutboxRelay({
      dataSource: outboxOf(rows),
      schema: 's',
      publisher,
      onSetAside: (r) => setAside.push(`${r.id}: ${r.reason}`),
    });

    expect(await relay.relayOnce()).toBe(1);
    expect(publisher.sent).toEqual(['other']);
    expect(rows[0]).toMatchObject({ record_failures: 1, setAside: false });

    for (let attempt = 2; attempt <= 4; attempt++) expect(await relay.relayOnce()).toBe(0);
    expect(rows[0]).toMatchObject({ record_failures: 4, setAside: false });
    expect(publisher.sent).toEqual(['other']);

    expect(await relay.relayOnce()).toBe(1);
    expect(rows[0]).toMatchObject({ record_failures: 5, setAside: true, published: false });
    expect(rows[0].last_error).toMatch(/^broker refused 5 times: MESSAGE_TOO_LARGE/);
    expect(publisher.sent).toEqual(['other', 'after-big']);
    expect(setAside).toEqual([expect.stringMatching(/^big: broker refused 5 times/)]);
    expect(await relay.relayOnce()).toBe(0);
  });

  it('CSV-04 blames no row when the broker is away: the batch fails as a whole', async () => {
    const rows = [row('a', 'K1'), row('b', 'K2')];
    const publisher: EventPublisher = {
      publishBatch: async () => {
        throw Object.assign(new Error('Connection error: connect ECONNREFUSED'), {
          name: 'KafkaJSNumberOfRetriesExceeded',
        });
      },
      disconnect: async () => undefined,
    };
    const relay = new OutboxRelay({ dataSource: outboxOf(rows), schema: 's', publisher });
    for (let i = 0; i < 10; i++) await expect(relay.relayOnce()).rejects.toThrow(/ECONNREFUSED/);
    expect(rows.map((r) => [r.record_failures, r.setAside, r.published])).toEqual([
      [0, false, false],
      [0, false, false],
    ]);
  });
});
