import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  appendOnlyTriggerSql,
  dropAppendOnlyTriggerSql,
  insertOnlyGrantsSql,
  tableGrantsSql,
} from '@v2v/database';
import {
  addOutboxSetAsideSql,
  createSetAsideMessageTableSql,
  dropOutboxSetAsideSql,
  dropSetAsideMessageTableSql,
} from './set-aside.sql';

const TRIGGER_FUNCTION = 'set_aside_message_append_only';

/**
 * CSV-04: a service sets aside what it cannot apply or publish instead of stopping over it.
 * `inbox`: the schema has consumers, so its `inbox_rejected` becomes `set_aside_message`,
 * append-only (the service role may read and insert; the owner's trigger refuses UPDATE,
 * DELETE and TRUNCATE);
 * `outbox`: its outbox rows can be set aside (the service already updates its outbox).
 */
export function setAsideMigration(
  schema: string,
  name: string,
  tables: { inbox: boolean; outbox: boolean },
) {
  return class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      if (tables.inbox) {
        for (const sql of createSetAsideMessageTableSql(schema)) await q.query(sql);
        const trigger = appendOnlyTriggerSql({
          schema,
          table: 'set_aside_message',
          functionName: TRIGGER_FUNCTION,
          message: `append-only: ${schema}.set_aside_message keeps what was set aside`,
          refuse: 'UPDATE OR DELETE',
          truncate: true,
        });
        for (const sql of trigger) await q.query(sql);
        await q.query(
          insertOnlyGrantsSql(schema, 'set_aside_message', {
            sequence: 'set_aside_message_id_seq',
          }),
        );
      }
      if (tables.outbox) for (const sql of addOutboxSetAsideSql(schema)) await q.query(sql);
    }

    async down(q: QueryRunner): Promise<void> {
      if (tables.outbox) for (const sql of dropOutboxSetAsideSql(schema)) await q.query(sql);
      if (tables.inbox) {
        for (const sql of dropAppendOnlyTriggerSql(schema, 'set_aside_message', TRIGGER_FUNCTION))
          await q.query(sql);
        for (const sql of dropSetAsideMessageTableSql(schema)) await q.query(sql);
        await q.query(
          tableGrantsSql(schema, ['inbox_rejected'], { sequences: ['inbox_rejected_id_seq'] }),
        );
      }
    }
  };
}
