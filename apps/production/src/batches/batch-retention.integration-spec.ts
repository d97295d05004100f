import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
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
