import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  chainHeadGuardSql,
  migrationDatabaseUrl,
  serviceDataSourceOptions,
  serviceRoleGrantsSql,
} from '@v2v/database';
import { AuditReader } from './audit-reader';
import { createAuditTablesSql } from './audit-tables.sql';
import { writeAudit } from './audit-writer';

// Real PostgreSQL. The schema is created and granted by its owner, exactly as a service
// migration does; the tests then write and read through the services' own role.
const schema = `it_audit_${randomUUID().slice(0, 8)}`;
const actor = { userId: 'qa.person', role: 'qa-qp' as const };
let owner: DataSource;
let dataSource: DataSource;
let reader: AuditReader;

beforeAll(async () => {
  owner = await new DataSource(
    serviceDataSourceOptions({ schema, entities: [], migrations: [], url: migrationDatabaseUrl() }),
  ).initialize();
  await owner.query(`CREATE SCHEMA "${schema}"`);
  for (const sql of createAuditTablesSql(schema)) await owner.query(sql);
  await owner.query(serviceRoleGrantsSql(schema, ['audit_entry']));
  // As auditHeadGuardMigration does in every service schema.
  const guarded = { schema, headTable: 'audit_chain_head', entryTable: 'audit_entry' };
  for (const sql of chainHeadGuardSql({ ...guarded, functionName: 'guard_head', rule: 'CSV-01' }))
    await owner.query(sql);
  dataSource = await new DataSource(
    serviceDataSourceOptions({ schema, entities: [], migrations: [] }),
  ).initialize();
  reader = new AuditReader(dataSource, schema, 'it');
});

afterAll(async () => {
  await dataSource?.destroy();
  await owner?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await owner?.destroy();
});

const journeyId = () => `journey-${randomUUID()}`;

describe('audit trail on real PostgreSQL (CSV-01)', () => {
  it('CSV-01 records who, what, when, why, old and new value of a create and a change', async () => {
    const journey = journeyId();
    await dataSource.transaction(async (m) => {
      await writeAudit(m, schema, {
        recordType: 'batch',
        recordId: 'B1',
        journeyId: journey,
        action: 'create',
        actor,
        newValue: { status: 'in-production' },
      });
      await writeAudit(m, schema, {
        recordType: 'batch',
        recordId: 'B1',
        journeyId: journey,
        action: 'update',
        actor,
        reason: 'production completed',
        oldValue: { status: 'in-production' },
        newValue: { status: 'completed' },
      });
    });
    const trail = await reader.byRecord('batch', 'B1');
    expect(trail.map((e) => [e.action, e.reason, e.oldValue, e.newValue])).toEqual([
      ['create', null, null, { status: 'in-production' }],
      ['update', 'production completed', { status: 'in-production' }, { status: 'completed' }],
    ]);
    expect(trail[0]).toMatchObject({ actor, journeyId: journey, service: 'it' });
    expect(Date.parse(trail[1].at)).toBeGreaterThanOrEqual(Date.parse(trail[0].at));
  });

  it('CSV-01 refuses a change without a reason and writes nothing', async () => {
    const journey = journeyId();
    await expect(
      dataSource.transaction((m) =>
        writeAudit(m, schema, {
          recordType: 'batch',
          recordId: 'B2',
          journeyId: journey,
          action: 'update',
          actor,
          oldValue: 1,
          newValue: 2,
        }),
      ),
    ).rejects.toMatchObject({ code: 'CSV-01' });
    expect(await reader.byJourney(journey)).toEqual([]);
  });

  it('CSV-01 refuses UPDATE, DELETE, TRUNCATE and switching the trigger off under the service role', async () => {
    const journey = journeyId();
    await dataSource.transaction((m) =>
      writeAudit(m, schema, {
        recordType: 'donor',
        recordId: 'D1',
        journeyId: journey,
        action: 'create',
        actor,
        newValue: {},
      }),
    );
    await expect(
      dataSource.query(`UPDATE "${schema}".audit_entry SET reason = 'x' WHERE journey_id = $1`, [
        journey,
      ]),
    ).rejects.toThrow(/permission denied/);
    await expect(
      dataSource.query(`DELETE FROM "${schema}".audit_entry WHERE journey_id = $1`, [journey]),
    ).rejects.toThrow(/permission denied/);
    await expect(dataSource.query(`TRUNCATE "${schema}".audit_entry`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(
      dataSource.query(
        `ALTER TABLE "${schema}".audit_entry DISABLE TRIGGER "TRG_audit_entry_append_only"`,
      ),
    ).rejects.toThrow(/must be owner/);
    expect(await reader.byJourney(journey)).toHaveLength(1);
  });

  it('CSV-01 refuses UPDATE, DELETE and TRUNCATE of audit entries even to the schema owner (trigger)', async () => {
    const journey = journeyId();
    await dataSource.transaction((m) =>
      writeAudit(m, schema, {
        recordType: 'donor',
        recordId: 'D2',
        journeyId: journey,
        action: 'create',
        actor,
        newValue: {},
      }),
    );
    await expect(
      owner.query(`UPDATE "${schema}".audit_entry SET reason = 'x' WHERE journey_id = $1`, [
        journey,
      ]),
    ).rejects.toThrow(/cannot be edited or deleted/);
    await expect(
      owner.query(`DELETE FROM "${schema}".audit_entry WHERE journey_id = $1`, [journey]),
    ).rejects.toThrow(/cannot be edited or deleted/);
    await expect(owner.query(`TRUNCATE "${schema}".audit_entry`)).rejects.toThrow(
      /cannot be edited or deleted/,
    );
  });

  it('CSV-01 verify names the first entry whose stored row was edited by one byte in PostgreSQL', async () => {
    const journey = journeyId();
    await dataSource.transaction(async (m) => {
      for (let i = 1; i <= 3; i++) {
        await writeAudit(m, schema, {
          recordType: 'qc-result',
          recordId: `Q${i}`,
          journeyId: journey,
          action: 'create',
          actor,
          newValue: { value: `${i}0%` },
        });
      }
    });
    expect((await reader.verify()).valid).toBe(true);
    // Only the owner can switch the trigger off: the tamperer here has the owner's rights.
    await owner.transaction(async (m) => {
      await m.query(
        `ALTER TABLE "${schema}".audit_entry DISABLE TRIGGER "TRG_audit_entry_append_only"`,
      );
      await m.query(
        `UPDATE "${schema}".audit_entry SET canonical_content = replace(canonical_content, '20%', '90%') WHERE chain_id = $1 AND seq = 2`,
        [journey],
      );
      await m.query(
        `ALTER TABLE "${schema}".audit_entry ENABLE TRIGGER "TRG_audit_entry_append_only"`,
      );
    });
    expect(await reader.verify()).toMatchObject({
      valid: false,
      firstBroken: { chainId: journey, seq: 2, reason: 'CONTENT_HASH_MISMATCH' },
    });
  });

  it('CSV-01 keeps chain heads forward-only: no delete for the service role, and no one moves one back or to a missing entry', async () => {
    const journey = journeyId();
    await dataSource.transaction(async (m) => {
      for (const value of ['a', 'b'])
        await writeAudit(m, schema, {
          recordType: 'batch',
          recordId: 'B-head',
          journeyId: journey,
          action: 'create',
          actor,
          newValue: { value },
        });
    });
    const [first] = await owner.query(
      `SELECT entry_hash FROM "${schema}".audit_entry WHERE chain_id = $1 AND seq = 1`,
      [journey],
    );
    const head = `"${schema}".audit_chain_head`;
    await expect(
      dataSource.query(`DELETE FROM ${head} WHERE chain_id = $1`, [journey]),
    ).rejects.toThrow(/permission denied/);
    for (const [sql, params] of [
      [
        `UPDATE ${head} SET seq = 1, entry_hash = $2 WHERE chain_id = $1`,
        [journey, first.entry_hash],
      ],
      [
        `UPDATE ${head} SET seq = 3, entry_hash = $2 WHERE chain_id = $1`,
        [journey, 'f'.repeat(64)],
      ],
      [`DELETE FROM ${head} WHERE chain_id = $1`, [journey]],
      [`INSERT INTO ${head} (chain_id, seq, entry_hash) VALUES ($1, 5, $2)`, ['x', 'f'.repeat(64)]],
    ] as const)
      await expect(owner.query(sql, [...params])).rejects.toThrow(/\(CSV-01\)/);
    expect(
      await owner.query(`SELECT seq::int AS seq FROM ${head} WHERE chain_id = $1`, [journey]),
    ).toEqual([{ seq: 2 }]);
  });

  it('CSV-01 verify names a chain whose head row the owner removed with the trigger off', async () => {
    // Sorts before the other tests' chains, so it is the first break verify reports.
    const journey = `journey-00000000-${randomUUID()}`;
    await dataSource.transaction((m) =>
      writeAudit(m, schema, {
        recordType: 'batch',
        recordId: 'B-gone',
        journeyId: journey,
        action: 'create',
        actor,
        newValue: { value: 'kept' },
      }),
    );
    await owner.transaction(async (m) => {
      await m.query(`ALTER TABLE "${schema}".audit_chain_head DISABLE TRIGGER USER`);
      await m.query(`DELETE FROM "${schema}".audit_chain_head WHERE chain_id = $1`, [journey]);
      await m.query(`ALTER TABLE "${schema}".audit_chain_head ENABLE TRIGGER USER`);
    });
    expect(await reader.verify()).toMatchObject({
      valid: false,
      firstBroken: { chainId: journey, seq: 1, reason: 'CHAIN_LINK_MISMATCH' },
    });
  });
});
