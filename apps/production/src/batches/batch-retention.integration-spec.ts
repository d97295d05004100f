import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import { productionDataSourceOptions } from '../production.data-source';

// Real PostgreSQL, the production schema as migrated, the service's own connection.
let dataSource: DataSource;
beforeAll(async () => {
  dataSource = await new DataSource(productionDataSourceOptions()).initialize();
});
afterAll(() => dataSource?.destroy());

async function insertBatch(productExpiresOn: string | null): Promise<string> {
  const batchNumber = `IT-${randomUUID().slice(0, 8)}`;
  await dataSource.query(
    `INSERT INTO production.batch (batch_number, donor_code, journey_id, product_code, status, label_content, started_at, product_expires_on)
     VALUES ($1, $1, $1, 'CART-CD19', 'completed', '{}', now(), $2)`,
    [batchNumber, productExpiresOn],
  );
  return batchNumber;
}

const remaining = async (batchNumber: string) =>
  (await dataSource.query(`SELECT 1 FROM production.batch WHERE batch_number = $1`, [batchNumber]))
    .length;

describe('batch record retention in the database (QA-03)', () => {
  it('QA-03 refuses deleting a batch record whose product expiry is not yet known', async () => {
    const batch = await insertBatch(null);
    await expect(
      dataSource.query(`DELETE FROM production.batch WHERE batch_number = $1`, [batch]),
    ).rejects.toThrow(/QA-03/);
    expect(await remaining(batch)).toBe(1);
  });

  it('QA-03 refuses deleting a batch record within 5 years of product expiry', async () => {
    const batch = await insertBatch('2024-01-31');
    await expect(
      dataSource.query(`DELETE FROM production.batch WHERE batch_number = $1`, [batch]),
    ).rejects.toThrow(/QA-03.*2029-01-31/);
    expect(await remaining(batch)).toBe(1);
  });

  it('QA-03 allows the delete once product expiry + 5 years has passed', async () => {
    const batch = await insertBatch('2015-06-30');
    await dataSource.query(`DELETE FROM production.batch WHERE batch_number = $1`, [batch]);
    expect(await remaining(batch)).toBe(0);
  });
});

describe('a batch changes only through audited paths, its expiry only forward (CSV-01, QA-03)', () => {
  const audited = (batchNumber: string, sql: string, params: unknown[]) =>
    dataSource.transaction(async (manager) => {
      await manager.query(sql, params);
      await writeAudit(manager, 'production', {
        recordType: 'batch',
        recordId: batchNumber,
        action: 'update',
        actor: { userId: 'it', role: 'ops' },
        reason: 'integration test of the audited-change guard',
        newValue: { batchNumber },
      });
    });
  const expiryOf = async (batchNumber: string) =>
    (
      await dataSource.query(
        `SELECT to_char(product_expires_on, 'YYYY-MM-DD') AS d FROM production.batch WHERE batch_number = $1`,
        [batchNumber],
      )
    )[0].d;

  it('CSV-01 refuses to commit an UPDATE of a batch by the service role without its audit entry', async () => {
    const batch = await insertBatch('2027-06-30');
    await expect(
      dataSource.query(`UPDATE production.batch SET total_cell_count = 1 WHERE batch_number = $1`, [
        batch,
      ]),
    ).rejects.toThrow(/CSV-01: batch .* changed without its audit entry/);
    await audited(
      batch,
      `UPDATE production.batch SET total_cell_count = 2 WHERE batch_number = $1`,
      [batch],
    );
    const [row] = await dataSource.query(
      `SELECT total_cell_count FROM production.batch WHERE batch_number = $1`,
      [batch],
    );
    expect(Number(row.total_cell_count)).toBe(2);
  });

  it('QA-03 refuses moving the product expiry back or clearing it, even audited; later is allowed', async () => {
    const batch = await insertBatch('2027-06-30');
    const move = (to: string | null) =>
      audited(
        batch,
        `UPDATE production.batch SET product_expires_on = $2 WHERE batch_number = $1`,
        [batch, to],
      );
    await expect(move('2020-01-01')).rejects.toThrow(
      /QA-03: batch.product_expires_on may not move back/,
    );
    await expect(move(null)).rejects.toThrow(/QA-03/);
    expect(await expiryOf(batch)).toBe('2027-06-30');
    await move('2027-12-31');
    expect(await expiryOf(batch)).toBe('2027-12-31');
  });
});
